import { main } from "../lib/cli.js";
const code = await main(process.argv);
if (process.env.T) process.stderr.write(`main done ${(performance.now()).toFixed(0)}\n`);
if (process.env.EXIT) process.exit(code); else process.exitCode = code;
