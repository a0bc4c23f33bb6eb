// The scripts `coach completion <shell>` prints. Each hands the words typed after `coach` to the
// hidden `coach __complete -- <words…>`, which answers one candidate a line (a tab, then what it is),
// or `:files` / `:folders` when the shell's own file completion should answer instead.

export const shells = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof shells)[number];

const bash = `# coach completion for bash. Load it in ~/.bashrc:
#   source <(coach completion bash)
_coach() {
  local cur=\${COMP_WORDS[COMP_CWORD]} line
  local -a out=() reply=()
  while IFS= read -r line; do out+=("$line"); done < <(coach __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
  case \${out[0]-} in
    :files) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$cur"); return ;;
    :folders) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -d -- "$cur"); return ;;
  esac
  for line in "\${out[@]}"; do
    line=\${line%%$'\\t'*}
    # A customer's name may hold spaces: quote it unless the word is already being quoted.
    if [[ $cur == [\\"\\']* ]]; then reply+=("$line"); else reply+=("$(printf '%q' "$line")"); fi
  done
  COMPREPLY=("\${reply[@]}")
}
complete -F _coach coach
`;

const zsh = `#compdef coach
# coach completion for zsh. Load it in ~/.zshrc, after compinit:
#   source <(coach completion zsh)
_coach() {
  local -a out described
  out=("\${(@f)$(coach __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  case \${out[1]} in
    :files) _files; return ;;
    :folders) _files -/; return ;;
  esac
  local line
  for line in "\${out[@]}"; do
    [[ -n $line ]] || continue
    local value=\${line%%$'\\t'*} what=\${line#*$'\\t'}
    [[ $what == "$line" ]] && what=""
    described+=("\${value//:/\\\\:}\${what:+:$what}")
  done
  _describe -t values coach described
}
if (( $+functions[compdef] )); then compdef _coach coach; fi
`;

const fish = `# coach completion for fish. Load it in ~/.config/fish/config.fish:
#   coach completion fish | source
function __coach_complete
    set -l words (commandline -opc) (commandline -ct)
    set -l out (coach __complete -- $words[2..-1] 2>/dev/null)
    switch "$out[1]"
        case :files
            __fish_complete_path (commandline -ct)
        case :folders
            __fish_complete_directories (commandline -ct)
        case '*'
            printf '%s\\n' $out
    end
end
complete -c coach -f -a '(__coach_complete)'
`;

export const scriptFor: Record<Shell, string> = { bash, zsh, fish };
