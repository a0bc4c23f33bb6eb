// The channel ladder from the coaching model: in person beats phone, phone beats email.
import type { Channel } from "../playbook/schema.js";

const advice: Record<Channel, string> = {
  "in-person": "Go in person if you can: they see your face and your courage, and nothing repairs more.",
  video: "Use a video call: they can see you mean it. In person would be better still.",
  phone: "Call them: your voice carries what an email cannot. In person is better still when you can manage it.",
  email: "Email is the weakest channel for an apology: use it only to confirm what you already said by phone or in person.",
};

export const channelAdvice = (channel: Channel) => advice[channel];
