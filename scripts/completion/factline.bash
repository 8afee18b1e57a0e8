# bash completion for factline; installed as share/bash-completion/completions/factline.
_factline() {
  local cur prev words cword
  _init_completion || return
  local commands="render build watch check import templates"
  local cmd="" i
  for ((i = 1; i < cword; i++)); do
    case ${words[i]} in
      render | build | watch | check | import | templates) cmd=${words[i]}; break ;;
    esac
  done
  if [[ -z $cmd ]]; then
    COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
    return
  fi
  case $prev in
    --template)
      COMPREPLY=($(compgen -W "$("${words[0]}" templates 2>/dev/null | cut -d' ' -f1)" -- "$cur"))
      _filedir 'y?(a)ml'
      return ;;
    --diagnostics) COMPREPLY=($(compgen -W "human json" -- "$cur")); return ;;
    --appearance) COMPREPLY=($(compgen -W "light dark auto" -- "$cur")); return ;;
    --svg-text) COMPREPLY=($(compgen -W "outline+text outline text" -- "$cur")); return ;;
    --format)
      local done_part=${cur%,*} last=${cur##*,}
      [[ $done_part == "$cur" ]] && done_part="" || done_part="$done_part,"
      COMPREPLY=($(compgen -P "$done_part" -W "svg png pdf json html" -- "$last"))
      compopt -o nospace 2>/dev/null
      return ;;
    --font-dir | --template-dir) _filedir -d; return ;;
    -o | --output)
      if [[ $cmd == build ]]; then _filedir -d; else _filedir; fi
      return ;;
    --depfile) _filedir; return ;;
    --scale | -j | --jobs | --shard | --max-hidden | --id-prefix) return ;;
  esac
  local common="--scale --strict --max-hidden --font-dir --template --template-dir --diagnostics --appearance --svg-text --id-prefix --help"
  local options
  case $cmd in
    render) options="-o --output --depfile $common" ;;
    build) options="-o --output --format -j --jobs --check --list --shard --depfile $common" ;;
    watch) options="-o --output $common" ;;
    check) options="--strict --syntax-only --font-dir --template --template-dir --diagnostics --help" ;;
    import) options="-o --output --strict --diagnostics --help" ;;
    templates) options="--template-dir --help" ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
    return
  fi
  case $cmd in
    import) _filedir '@(json|csv)' ;;
    build) _filedir 'y?(a)ml'; _filedir -d ;;
    templates) ;;
    *) _filedir 'y?(a)ml' ;;
  esac
}
complete -F _factline factline
