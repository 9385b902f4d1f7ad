# oidc-exchange for GitLab CI: trades the job's id token for secrets. POSIX sh; needs curl or GNU wget, and
# base64 (jq too in Vault mode). It only defines functions: the component's before_script calls
# oidc_exchange_main, its after_script oidc_exchange_cleanup, and the job's own script may call
# oidc_exchange_redact. Settings come from OIDC_EXCHANGE_* variables (the component sets them from its inputs)
# and from key=value arguments. Values are never printed, never put on a command line, never traced.
# All helpers and their variables start with _oe_ because they share the job's shell.

_oe_say() { printf 'oidc-exchange: %s\n' "$*" >&2; }
_oe_fail() { printf 'oidc-exchange: error: %s\n' "$*" >&2; return 1; }
_oe_warn() { printf 'oidc-exchange: warning: %s\n' "$*" >&2; }

_oe_true() {
  case $1 in true | TRUE | True | 1 | yes) return 0 ;; *) return 1 ;; esac
}

# Same rules as the GitHub action: a shell identifier, and never a name that changes how the job's shell,
# its programs or the runner behave.
_oe_ident_ok() {
  case $1 in
    '' | [0-9]* | *[!A-Za-z0-9_]*) _oe_fail "\"$1\" is not a valid variable name: use letters, digits and _, not starting with a digit"; return 1 ;;
  esac
}

_oe_name_ok() {
  _oe_ident_ok "$1" || return 1
  case $1 in
    PATH | HOME | SHELL | ENV | BASH_ENV | IFS | PS1 | PS2 | PS4 | CDPATH | PWD | OLDPWD | TMPDIR | USER | LOGNAME | \
      SHELLOPTS | BASHOPTS | PROMPT_COMMAND | GLOBIGNORE | HISTFILE | LANG | LANGUAGE | LC_* | TZ | TERM | \
      LD_* | DYLD_* | NODE_OPTIONS | PYTHONPATH | PYTHONSTARTUP | PERL5LIB | PERL5OPT | RUBYOPT | RUBYLIB | JAVA_TOOL_OPTIONS | \
      _JAVA_OPTIONS | GIT_* | SSL_CERT_FILE | SSL_CERT_DIR | CURL_CA_BUNDLE | HTTP_PROXY | HTTPS_PROXY | NO_PROXY | \
      http_proxy | https_proxy | no_proxy | ALL_PROXY | all_proxy | CI | CI_* | GITLAB_* | FF_* | RUNNER_* | \
      OIDC_EXCHANGE_* | BASH_FUNC_* | _oe_*)
      _oe_fail "refusing to set $1: it would change how the job's shell, its tools or the runner behave; pick another name (NAME | OTHER_NAME renames)"
      return 1 ;;
  esac
}

_oe_now() { date +%s; }

# The job's token must never be traced and the values must not be either: refuse debug trace unless told.
_oe_guard_debug() {
  if _oe_true "${CI_DEBUG_TRACE:-}" || _oe_true "${CI_DEBUG_SERVICES:-}"; then
    if ! _oe_true "$_oe_allow_debug_trace"; then
      _oe_fail "CI_DEBUG_TRACE or CI_DEBUG_SERVICES is on: the runner would print every variable and traced command of this job, secrets included. Turn it off, or set the input allow_debug_trace: true if this job's log is private"
      return 1
    fi
    _oe_warn "debug trace is on and allow_debug_trace is true: anything your own script prints or traces after this step is not masked"
  fi
}

# A URL is only sent a token over TLS, except on loopback (local brokers and tests).
_oe_url_ok() {
  case $1 in
    https://?*) return 0 ;;
    http://127.* | http://localhost | http://localhost[:/]* | 'http://[::1]'*) return 0 ;;
    http://*) _oe_fail "broker_url $1 is plain http: the token and the secrets would cross the network in clear; use https://" ; return 1 ;;
    *) _oe_fail "broker_url \"$1\" must be an https:// URL"; return 1 ;;
  esac
}

# Which HTTP client to use: curl, else GNU wget (it reads headers from a config file, so tokens never reach
# a command line, and keeps error bodies). BusyBox wget can do neither.
_oe_pick_client() {
  if command -v curl >/dev/null 2>&1; then _oe_client=curl; return 0; fi
  if command -v wget >/dev/null 2>&1 && wget --version 2>/dev/null | grep -q 'GNU Wget'; then _oe_client=wget; return 0; fi
  if command -v wget >/dev/null 2>&1; then
    _oe_fail "found only BusyBox wget, which cannot keep the token off the command line: install curl (apk add curl) or GNU wget in the job image"
    return 1
  fi
  _oe_fail "the job image needs curl or GNU wget (e.g. apk add curl, apt-get install curl)"
  return 1
}

# _oe_http METHOD URL HEADERS_FILE BODY_FILE|'' MAX_SECONDS: sets _oe_status (000 when nothing came back),
# leaves the body in $_oe_dir/resp and the response headers in $_oe_dir/resp.h. Returns 1 only when the
# request could not be made at all in a way retrying will not fix (bad URL, TLS trust).
_oe_http() {
  _oe_status=000
  : >"$_oe_dir/resp"
  : >"$_oe_dir/resp.h"
  _oe_hm=$1 _oe_hu=$2 _oe_hh=$3 _oe_hb=$4 _oe_hs=$5
  if [ "$_oe_client" = curl ]; then
    set -- -sS -X "$_oe_hm" -o "$_oe_dir/resp" -D "$_oe_dir/resp.h" -w '%{http_code}' -H "@$_oe_hh" --max-time "$_oe_hs" --connect-timeout "$_oe_hs"
    if [ -n "$_oe_hb" ]; then set -- "$@" --data-binary "@$_oe_hb"; fi
    if [ -n "$_oe_ca_file" ]; then set -- "$@" --cacert "$_oe_ca_file"; fi
    _oe_rc=0
    _oe_status=$(curl "$@" "$_oe_hu" 2>"$_oe_dir/resp.err") || _oe_rc=$?
    case $_oe_rc in
      0) ;;
      1 | 3) _oe_fail "curl cannot use the URL $_oe_hu ($(head -c 300 "$_oe_dir/resp.err"))"; return 1 ;;
      35 | 51 | 53 | 54 | 58 | 59 | 60 | 64 | 66 | 77 | 80 | 82 | 83 | 90 | 91)
        _oe_fail "TLS problem talking to $_oe_hu: $(head -c 300 "$_oe_dir/resp.err"). If the server uses a private CA, set the input ca_file"; return 1 ;;
      *) _oe_status=000; _oe_neterr=$(head -c 300 "$_oe_dir/resp.err") ;;
    esac
    return 0
  fi
  # GNU wget: headers go in a private wgetrc, the response headers come from -S in the log.
  sed 's/^/header = /' "$_oe_hh" >"$_oe_dir/wgetrc"
  set -- --config="$_oe_dir/wgetrc" -S -o "$_oe_dir/resp.err" -O "$_oe_dir/resp" --content-on-error \
    --tries=1 --timeout="$_oe_hs" --method="$_oe_hm" --max-redirect=0
  if [ -n "$_oe_hb" ]; then set -- "$@" --body-file="$_oe_hb"; fi
  if [ -n "$_oe_ca_file" ]; then set -- "$@" --ca-certificate="$_oe_ca_file"; fi
  _oe_rc=0
  wget "$@" "$_oe_hu" || _oe_rc=$?
  rm -f "$_oe_dir/wgetrc"
  sed -n 's/^  //p' "$_oe_dir/resp.err" | tr -d '\r' >"$_oe_dir/resp.h"
  _oe_status=$(sed -n 's/^HTTP\/[0-9.]* \([0-9][0-9][0-9]\).*/\1/p' "$_oe_dir/resp.h" | tail -n 1)
  [ -n "$_oe_status" ] || _oe_status=000
  if [ "$_oe_status" = 000 ]; then
    case $_oe_rc in
      5) _oe_fail "TLS problem talking to $_oe_hu. If the server uses a private CA, set the input ca_file"; return 1 ;;
      2) _oe_fail "wget cannot use the URL $_oe_hu"; return 1 ;;
    esac
    _oe_neterr="wget exit status $_oe_rc: $(grep -v '^  ' "$_oe_dir/resp.err" | tail -n 2 | tr '\n' ' ' | head -c 300)"
  fi
  return 0
}

# One header of the last response (case-insensitive name), without the trailing CR.
_oe_header() {
  tr -d '\r' <"$_oe_dir/resp.h" | awk -v want="$1" 'BEGIN { want = tolower(want) }
    { i = index($0, ":"); if (i > 0 && tolower(substr($0, 1, i - 1)) == want) { v = substr($0, i + 1); sub(/^[ \t]+/, "", v); out = v } }
    END { if (out != "") print out }'
}

# A JSON string field of the last response body, for error messages (never used on a body holding secrets).
_oe_json_field() {
  tr -d '\n' <"$_oe_dir/resp" | sed -n 's/.*"'"$1"'"[[:space:]]*:[[:space:]]*"\(\([^"\\]\|\\.\)*\)".*/\1/p' | head -c 500
}

# The non-secret claims of the job's token (its payload; the signature stays out), to explain a refusal.
_oe_print_claims() {
  _oe_payload=$(printf '%s' "$_oe_token" | cut -d. -f2 | tr '_-' '/+')
  case $((${#_oe_payload} % 4)) in 2) _oe_payload="$_oe_payload==" ;; 3) _oe_payload="$_oe_payload=" ;; esac
  _oe_claims=$(printf '%s' "$_oe_payload" | base64 -d 2>/dev/null) || _oe_claims=''
  unset _oe_payload
  if [ -z "$_oe_claims" ]; then _oe_say "the id token's payload could not be decoded"; return 0; fi
  _oe_say "the job's id token (\$$_oe_token_var) carries these claims:"
  for _oe_c in iss aud sub project_id project_path namespace_id namespace_path ref ref_type ref_protected environment environment_protected deployment_tier pipeline_source user_login ci_config_ref_uri iat exp; do
    _oe_v=$(printf '%s' "$_oe_claims" | tr -d '\n' | sed -n 's/.*"'"$_oe_c"'"[[:space:]]*:[[:space:]]*\("\([^"\\]\|\\.\)*"\|[0-9][0-9]*\|true\|false\|\[[^]]*\]\).*/\1/p')
    [ -n "$_oe_v" ] && printf '  %s: %s\n' "$_oe_c" "$_oe_v" >&2
  done
  unset _oe_claims _oe_c _oe_v
  return 0
}

# _oe_request METHOD URL HEADERS_FILE BODY_FILE|'' WHAT: retries network errors, 5xx and 429 (honouring
# Retry-After) with backoff until the deadline. Leaves the final answer as _oe_http does.
_oe_request() {
  _oe_attempt=0
  _oe_delay=1
  while :; do
    _oe_attempt=$((_oe_attempt + 1))
    _oe_left=$((_oe_deadline - $(_oe_now)))
    [ "$_oe_left" -ge 1 ] || _oe_left=1
    _oe_http "$1" "$2" "$3" "$4" "$_oe_left" || return 1
    case $_oe_status in
      000) _oe_why="network error ($_oe_neterr)" ;;
      429) _oe_why="429 rate limited" ;;
      5??) _oe_why="$_oe_status $(_oe_json_field error)" ;;
      *) return 0 ;;
    esac
    _oe_wait=$_oe_delay
    if [ "$_oe_status" = 429 ] || [ "$_oe_status" = 503 ]; then
      _oe_ra=$(_oe_header retry-after)
      case $_oe_ra in '' | *[!0-9]*) ;; *) _oe_wait=$_oe_ra ;; esac
    fi
    if [ $(($(_oe_now) + _oe_wait)) -ge "$_oe_deadline" ]; then
      _oe_fail "$5 failed after $_oe_attempt attempt(s) within timeout_seconds ($_oe_timeout s): last answer $_oe_why"
      return 1
    fi
    _oe_say "$5: $_oe_why; retrying in ${_oe_wait}s (attempt $_oe_attempt)"
    sleep "$_oe_wait"
    _oe_delay=$((_oe_delay * 2))
    [ "$_oe_delay" -le 8 ] || _oe_delay=8
  done
}

# Explains a refusal: the server's error code and message, and for 401/403 what the token says about the job.
_oe_explain() {
  _oe_code=$(_oe_json_field error)
  _oe_msg=$(_oe_json_field message)
  if [ -z "$_oe_code" ] && [ -s "$_oe_dir/resp" ]; then
    # Vault answers {"errors": ["..."]}
    _oe_msg=$(tr -d '\n' <"$_oe_dir/resp" | sed -n 's/.*"errors"[[:space:]]*:[[:space:]]*\[\(.*\)\].*/\1/p' | head -c 500)
  fi
  _oe_msg=$(printf '%s' "$_oe_msg" | sed 's/\\"/"/g')
  if [ -z "$_oe_code$_oe_msg" ] && [ "$_oe_client" = wget ] && [ "$_oe_status" = 401 ]; then
    _oe_msg="(GNU wget drops the body of a 401, which holds the reason; with curl in the image it is shown here)"
  fi
  _oe_fail "$1 answered $_oe_status${_oe_code:+ $_oe_code}${_oe_msg:+: $_oe_msg}" || :
  case $_oe_status in 401 | 403) _oe_print_claims ;; esac
  unset _oe_code _oe_msg
  return 1
}

# Parses the secrets input (one per line: NAME or NAME | ENV_NAME; Vault: PATH KEY | ENV_NAME) into
# $_oe_dir/wanted as "SOURCE<TAB>TARGET" lines, validating every target name first.
_oe_parse_secrets() {
  : >"$_oe_dir/wanted"
  _oe_tab=$(printf '\t')
  printf '%s\n' "$_oe_secrets" | while IFS= read -r _oe_line || [ -n "$_oe_line" ]; do
    _oe_line=$(printf '%s' "$_oe_line" | tr -d '\r' | sed 's/^[[:space:]]*//; s/[[:space:]]*$//')
    case $_oe_line in '' | '#'*) continue ;; esac
    case $_oe_line in
      *'|'*) _oe_src=$(printf '%s' "${_oe_line%%|*}" | sed 's/[[:space:]]*$//'); _oe_dst=$(printf '%s' "${_oe_line#*|}" | sed 's/^[[:space:]]*//') ;;
      *) _oe_src=$_oe_line; _oe_dst='' ;;
    esac
    if [ "$_oe_mode" = vault ]; then
      case $_oe_src in
        *[!A-Za-z0-9_./-]*' '* | *' '*' '* | *' '*[!A-Za-z0-9_.-]*) _oe_fail "secrets line \"$_oe_line\": Vault mode takes PATH KEY | ENV_NAME, e.g. secret/data/ci db_password | DB_PASSWORD" || exit 1 ;;
        *' '*) ;;
        *) _oe_fail "secrets line \"$_oe_line\": Vault mode takes PATH KEY | ENV_NAME, e.g. secret/data/ci db_password | DB_PASSWORD" || exit 1 ;;
      esac
      [ -n "$_oe_dst" ] || _oe_dst=$(printf '%s' "${_oe_src##* }" | tr 'a-z.-' 'A-Z__')
    else
      # The broker's name only has to be a name; the deny-list applies to what is exported.
      _oe_ident_ok "$_oe_src" || exit 1
      [ -n "$_oe_dst" ] || _oe_dst=$_oe_src
    fi
    _oe_name_ok "$_oe_dst" || exit 1
    printf '%s%s%s\n' "$_oe_src" "$_oe_tab" "$_oe_dst" >>"$_oe_dir/wanted"
  done || return 1
  _oe_dups=$(cut -f2 "$_oe_dir/wanted" | sort | uniq -d | tr '\n' ' ')
  [ -z "$_oe_dups" ] || { _oe_fail "secrets: more than one secret would be exported as $_oe_dups"; return 1; }
  if [ "$_oe_mode" = vault ] && [ ! -s "$_oe_dir/wanted" ]; then
    _oe_fail "the input secrets is empty: Vault mode needs at least one line PATH KEY | ENV_NAME"
    return 1
  fi
  return 0
}

# Broker mode: POST /v1/exchange as text/plain, then decode each "NAME BASE64" line into a 0600 file.
_oe_exchange_broker() {
  printf 'Authorization: Bearer %s\nAccept: text/plain\nContent-Type: application/json\nUser-Agent: oidc-exchange-gitlab/1\n' "$_oe_token" >"$_oe_dir/req.h"
  _oe_body=''
  if [ -s "$_oe_dir/wanted" ]; then
    cut -f1 "$_oe_dir/wanted" | awk 'BEGIN { printf "{\"secrets\":[" } { printf "%s\"%s\"", (NR > 1 ? "," : ""), $0 } END { printf "]}" }' >"$_oe_dir/req.body"
    _oe_body="$_oe_dir/req.body"
  fi
  _oe_request POST "${_oe_broker_url%/}/v1/exchange" "$_oe_dir/req.h" "$_oe_body" "the exchange with $_oe_broker_url" || return 1
  rm -f "$_oe_dir/req.h" "$_oe_dir/req.body"
  [ "$_oe_status" = 200 ] || { _oe_explain "the broker at $_oe_broker_url"; return 1; }
  mv "$_oe_dir/resp" "$_oe_dir/answer"
  _oe_revoke_header=$(_oe_header oidc-exchange-revoke)
  # Validate every line before anything is written or exported.
  while IFS=' ' read -r _oe_n _oe_b _oe_rest || [ -n "$_oe_n" ]; do
    [ -n "$_oe_n" ] || continue
    case $_oe_b in *[!A-Za-z0-9+/=]*) _oe_fail "the broker's answer is not NAME BASE64 lines (is broker_url an oidc-exchange broker?)"; return 1 ;; esac
    [ -z "$_oe_rest" ] || { _oe_fail "the broker's answer is not NAME BASE64 lines"; return 1; }
    if [ -s "$_oe_dir/wanted" ]; then _oe_ident_ok "$_oe_n" || return 1; else _oe_name_ok "$_oe_n" || return 1; fi
  done <"$_oe_dir/answer"
  while IFS=' ' read -r _oe_n _oe_b _oe_rest || [ -n "$_oe_n" ]; do
    [ -n "$_oe_n" ] || continue
    if [ -s "$_oe_dir/wanted" ]; then
      _oe_t=$(awk -F '\t' -v n="$_oe_n" '$1 == n { print $2; exit }' "$_oe_dir/wanted")
      [ -n "$_oe_t" ] || continue
    else
      _oe_t=$_oe_n
    fi
    printf '%s' "$_oe_b" | base64 -d >"$_oe_dir/v/$_oe_t" 2>/dev/null || { _oe_fail "the broker's value for $_oe_n is not valid base64"; return 1; }
    printf '%s\t%s\n' "$_oe_n" "$_oe_t" >>"$_oe_dir/names"
  done <"$_oe_dir/answer"
  rm -f "$_oe_dir/answer"
  unset _oe_n _oe_b _oe_rest _oe_t
  # OIDC-Exchange-Revoke: NAME URL, NAME URL: what the after_script revokes, under the exported name.
  if [ -n "$_oe_revoke_header" ]; then
    printf '%s\n' "$_oe_revoke_header" | tr ',' '\n' | while read -r _oe_n _oe_u _oe_rest; do
      if [ -z "$_oe_n" ] || [ -z "$_oe_u" ]; then continue; fi
      _oe_t=$(awk -F '\t' -v n="$_oe_n" '$1 == n { print $2; exit }' "$_oe_dir/names")
      [ -n "$_oe_t" ] && printf '%s %s\n' "$_oe_t" "$_oe_u" >>"$_oe_dir/revoke"
    done
  fi
  if [ -s "$_oe_dir/wanted" ]; then
    _oe_missing=$(cut -f2 "$_oe_dir/wanted" | while read -r _oe_t; do awk -F '\t' -v t="$_oe_t" '$2 == t { f = 1 } END { exit !f }' "$_oe_dir/names" || printf '%s ' "$_oe_t"; done)
    [ -z "$_oe_missing" ] || { _oe_fail "the broker did not return $_oe_missing"; return 1; }
  fi
  return 0
}

# Vault/OpenBao mode: JWT login with the id token, then one KV v2 read per line; the Vault token is revoked
# by the after_script.
_oe_exchange_vault() {
  command -v jq >/dev/null 2>&1 || { _oe_fail "Vault mode needs jq in the job image (apk add jq, apt-get install jq)"; return 1; }
  case $_oe_vault_role in '' | *[!A-Za-z0-9_.@-]*) _oe_fail "vault_role \"$_oe_vault_role\" must be set to the JWT auth role's name (letters, digits, _ . @ -)"; return 1 ;; esac
  case $_oe_vault_auth_path in '' | *[!A-Za-z0-9_/-]* | /*) _oe_fail "vault_auth_path \"$_oe_vault_auth_path\" must be a mount path like jwt or gitlab/jwt"; return 1 ;; esac
  _oe_addr=${_oe_broker_url%/}
  printf 'Content-Type: application/json\nAccept: application/json\n' >"$_oe_dir/req.h"
  [ -n "$_oe_vault_namespace" ] && printf 'X-Vault-Namespace: %s\n' "$_oe_vault_namespace" >>"$_oe_dir/req.h"
  printf '{"role":"%s","jwt":"%s"}' "$_oe_vault_role" "$_oe_token" >"$_oe_dir/req.body"
  _oe_request POST "$_oe_addr/v1/auth/$_oe_vault_auth_path/login" "$_oe_dir/req.h" "$_oe_dir/req.body" "the Vault login at $_oe_addr" || return 1
  rm -f "$_oe_dir/req.body"
  [ "$_oe_status" = 200 ] || { _oe_explain "Vault's JWT login ($_oe_vault_auth_path, role $_oe_vault_role)"; return 1; }
  jq -j '.auth.client_token // empty' <"$_oe_dir/resp" >"$_oe_dir/vault-token"
  rm -f "$_oe_dir/resp"
  [ -s "$_oe_dir/vault-token" ] || { _oe_fail "Vault's login answer has no auth.client_token"; return 1; }
  { cat "$_oe_dir/req.h"; printf 'X-Vault-Token: '; cat "$_oe_dir/vault-token"; printf '\n'; } >"$_oe_dir/vault.h"
  printf 'VAULT_TOKEN %s/v1/auth/token/revoke-self vault\n' "$_oe_addr" >>"$_oe_dir/revoke"
  _oe_tab=$(printf '\t')
  while IFS="$_oe_tab" read -r _oe_src _oe_t; do
    _oe_p=${_oe_src% *}
    _oe_k=${_oe_src##* }
    _oe_request GET "$_oe_addr/v1/$_oe_p" "$_oe_dir/vault.h" '' "the Vault read of $_oe_p" || return 1
    [ "$_oe_status" = 200 ] || { _oe_explain "Vault (reading $_oe_p)"; return 1; }
    if ! jq -e --arg k "$_oe_k" '.data.data | has($k)' <"$_oe_dir/resp" >/dev/null 2>&1; then
      _oe_fail "Vault's $_oe_p has no key $_oe_k (KV v2 paths look like secret/data/NAME)"
      return 1
    fi
    jq -j --arg k "$_oe_k" '.data.data[$k] | if type == "string" then . else tojson end' <"$_oe_dir/resp" >"$_oe_dir/v/$_oe_t"
    rm -f "$_oe_dir/resp"
    printf '%s\t%s\n' "$_oe_src" "$_oe_t" >>"$_oe_dir/names"
  done <"$_oe_dir/wanted"
  unset _oe_src _oe_t _oe_p _oe_k _oe_addr
  return 0
}

# Exports one value into the job's shell from its file. Command substitution drops trailing newlines, so a
# sentinel character is appended and stripped again: the variable holds the file's bytes exactly.
_oe_export_value() {
  _oe_val=$(cat "$_oe_dir/v/$1" && printf x)
  _oe_val=${_oe_val%x}
  export "$1=$_oe_val"
  unset _oe_val
}

# ::add-mask:: is honoured only by runners in proxy_exec mode; elsewhere the line would print the value.
_oe_add_masks() {
  while IFS="$_oe_tab" read -r _oe_s _oe_t; do
    awk 'length($0) >= 3 { print "::add-mask::" $0 }' "$_oe_dir/v/$_oe_t"
  done <"$_oe_dir/names"
  unset _oe_s _oe_t
}

oidc_exchange_main() {
  # Settings: variables first, key=value arguments override them.
  _oe_broker_url=${OIDC_EXCHANGE_BROKER_URL:-}
  _oe_mode=${OIDC_EXCHANGE_BROKER:-oidc-exchange}
  _oe_secrets=${OIDC_EXCHANGE_SECRETS:-}
  _oe_token_var=${OIDC_EXCHANGE_TOKEN_VARIABLE:-OIDC_EXCHANGE_ID_TOKEN}
  _oe_export=${OIDC_EXCHANGE_EXPORT:-env}
  _oe_masking=${OIDC_EXCHANGE_MASKING:-wrapper}
  _oe_timeout=${OIDC_EXCHANGE_TIMEOUT_SECONDS:-30}
  _oe_ca_file=${OIDC_EXCHANGE_CA_FILE:-}
  _oe_allow_debug_trace=${OIDC_EXCHANGE_ALLOW_DEBUG_TRACE:-false}
  _oe_revoke=${OIDC_EXCHANGE_REVOKE:-true}
  _oe_debug_claims=${OIDC_EXCHANGE_DEBUG_CLAIMS:-false}
  _oe_vault_role=${OIDC_EXCHANGE_VAULT_ROLE:-}
  _oe_vault_auth_path=${OIDC_EXCHANGE_VAULT_AUTH_PATH:-jwt}
  _oe_vault_namespace=${OIDC_EXCHANGE_VAULT_NAMESPACE:-}
  for _oe_arg in "$@"; do
    case $_oe_arg in
      allow_debug_trace=*) _oe_allow_debug_trace=${_oe_arg#*=} ;;
      revoke=*) _oe_revoke=${_oe_arg#*=} ;;
      debug_claims=*) _oe_debug_claims=${_oe_arg#*=} ;;
      timeout_seconds=*) _oe_timeout=${_oe_arg#*=} ;;
      *) _oe_fail "unknown argument \"$_oe_arg\" (takes allow_debug_trace=, revoke=, debug_claims=, timeout_seconds=)"; return 1 ;;
    esac
  done
  unset _oe_arg

  # 1. Never under debug trace (unless told), and never traced ourselves.
  _oe_guard_debug || return 1
  _oe_xtrace=''
  case $- in *x*) _oe_xtrace=1; set +x ;; esac
  _oe_rc=0
  _oe_run || _oe_rc=$?
  [ -z "$_oe_xtrace" ] || set -x
  return "$_oe_rc"
}

_oe_run() {
  # 2. Check the settings before touching the network.
  [ -n "$_oe_broker_url" ] || { _oe_fail "the input broker_url is empty: set it to your broker's (or Vault's) https:// URL"; return 1; }
  _oe_url_ok "$_oe_broker_url" || return 1
  case $_oe_mode in oidc-exchange | vault) ;; *) _oe_fail "the input broker must be oidc-exchange or vault, not \"$_oe_mode\""; return 1 ;; esac
  case $_oe_export in env | file | both) ;; *) _oe_fail "the input export must be env, file or both, not \"$_oe_export\""; return 1 ;; esac
  case $_oe_masking in wrapper | proxy_exec) ;; *) _oe_fail "the input masking must be wrapper or proxy_exec, not \"$_oe_masking\""; return 1 ;; esac
  case $_oe_timeout in '' | *[!0-9]* | 0) _oe_fail "timeout_seconds must be a whole number of seconds above 0, not \"$_oe_timeout\""; return 1 ;; esac
  if [ -n "$_oe_ca_file" ] && [ ! -r "$_oe_ca_file" ]; then _oe_fail "ca_file $_oe_ca_file is not a readable file"; return 1; fi
  case $_oe_token_var in '' | [0-9]* | *[!A-Za-z0-9_]*) _oe_fail "token_variable \"$_oe_token_var\" is not a variable name"; return 1 ;; esac
  eval "_oe_token=\${$_oe_token_var:-}"
  if [ -z "$_oe_token" ]; then
    _oe_fail "\$$_oe_token_var is empty: the job needs the id_tokens block of the component's hidden job (extends it, or !reference its id_tokens)"
    return 1
  fi
  case $_oe_token in *[!A-Za-z0-9._-]*) _oe_fail "\$$_oe_token_var does not hold a JWT"; return 1 ;; esac
  command -v base64 >/dev/null 2>&1 || { _oe_fail "the job image needs base64 (coreutils or busybox)"; return 1; }
  _oe_pick_client || return 1
  _oe_deadline=$(($(_oe_now) + _oe_timeout))

  # 3. A private directory for the values (the redaction wrapper and file mode read them there) and a
  #    pointer at a fixed per-job path so the after_script, a separate shell, can find and remove it.
  _oe_pointer="${TMPDIR:-/tmp}/oidc-exchange-${CI_JOB_ID:-local}.dir"
  if [ -e "$_oe_pointer" ] || [ -L "$_oe_pointer" ]; then
    _oe_fail "$_oe_pointer already exists: oidc_exchange_main runs once per job"
    return 1
  fi
  _oe_dir=$(umask 077 && mktemp -d "${TMPDIR:-/tmp}/oidc-exchange.XXXXXX") || { _oe_fail "cannot create a private directory in ${TMPDIR:-/tmp}"; return 1; }
  chmod 700 "$_oe_dir"
  mkdir -m 700 "$_oe_dir/v"
  (set -C && umask 077 && printf '%s\n' "$_oe_dir" >"$_oe_pointer") || { _oe_fail "cannot write $_oe_pointer"; return 1; }
  _oe_prev_umask=$(umask)
  umask 077
  : >"$_oe_dir/names"
  : >"$_oe_dir/revoke"
  _oe_true "$_oe_revoke" || : >"$_oe_dir/no-revoke"

  if _oe_true "$_oe_debug_claims"; then _oe_print_claims; fi

  # 4. Exchange, then export; nothing is exported unless every value arrived and every name is valid.
  _oe_ok=0
  _oe_parse_secrets || _oe_ok=1
  if [ "$_oe_ok" = 0 ]; then
    if [ "$_oe_mode" = vault ]; then _oe_exchange_vault || _oe_ok=1; else _oe_exchange_broker || _oe_ok=1; fi
  fi
  rm -f "$_oe_dir/req.h" "$_oe_dir/req.body" "$_oe_dir/resp" "$_oe_dir/resp.h" "$_oe_dir/resp.err"
  unset _oe_token _oe_b _oe_n _oe_rest
  if [ "$_oe_ok" != 0 ]; then
    # Nothing was exported: remove what arrived now rather than rely on an after_script the job may replace.
    rm -rf "$_oe_dir" "$_oe_pointer"
    umask "$_oe_prev_umask"
    return 1
  fi
  _oe_tab=$(printf '\t')
  _oe_count=0
  _oe_list=''
  _oe_flist=''
  while IFS="$_oe_tab" read -r _oe_s _oe_t; do
    case $_oe_export in env | both) _oe_export_value "$_oe_t" ;; esac
    case $_oe_export in file | both) export "${_oe_t}_FILE=$_oe_dir/v/$_oe_t" ;; esac
    _oe_count=$((_oe_count + 1))
    _oe_list="$_oe_list $_oe_t"
    _oe_flist="$_oe_flist ${_oe_t}_FILE"
  done <"$_oe_dir/names"
  [ "$_oe_masking" != proxy_exec ] || _oe_add_masks
  umask "$_oe_prev_umask"
  export OIDC_EXCHANGE_DIR="$_oe_dir"
  case $_oe_export in
    env) _oe_say "exported $_oe_count secret(s) as variables:$_oe_list" ;;
    file) _oe_say "wrote $_oe_count secret(s) to 0600 files; their paths are in:$_oe_flist" ;;
    both) _oe_say "exported $_oe_count secret(s) as variables and files (NAME and NAME_FILE):$_oe_list" ;;
  esac
  [ "$_oe_masking" = proxy_exec ] || _oe_say "GitLab does not mask these values: print nothing that holds them, or run commands as oidc_exchange_redact <command> to replace them with [MASKED]"
  unset _oe_s _oe_t _oe_list _oe_flist _oe_count _oe_ok _oe_prev_umask _oe_secrets
  return 0
}

# oidc_exchange_redact COMMAND [ARGS...]: runs the command with every secret value (each line of multi-line
# ones) in its stdout and stderr replaced by [MASKED], and returns the command's exit status. The values are
# read from the private directory, never passed on a command line.
_oe_redact_filter() {
  LC_ALL=C awk -v dir="$1" '
    BEGIN {
      n = 0
      while ((getline entry < (dir "/names")) > 0) {
        split(entry, f, "\t")
        file = dir "/v/" f[2]
        while ((getline line < file) > 0) {
          sub(/\r$/, "", line)
          if (line != "" && !(line in seen)) { seen[line] = 1; vals[++n] = line }
        }
        close(file)
      }
      close(dir "/names")
      for (i = 2; i <= n; i++) {   # longest first, so a value containing another is masked whole
        v = vals[i]; j = i - 1
        while (j > 0 && length(vals[j]) < length(v)) { vals[j + 1] = vals[j]; j-- }
        vals[j + 1] = v
      }
    }
    {
      out = $0
      for (i = 1; i <= n; i++) {
        v = vals[i]; res = ""
        while ((p = index(out, v)) > 0) { res = res substr(out, 1, p - 1) "[MASKED]"; out = substr(out, p + length(v)) }
        out = res out
      }
      print out
      fflush()
    }'
}

oidc_exchange_redact() {
  if [ $# -eq 0 ]; then _oe_fail "usage: oidc_exchange_redact COMMAND [ARGS...]"; return 2; fi
  if [ -z "${OIDC_EXCHANGE_DIR:-}" ] || [ ! -f "$OIDC_EXCHANGE_DIR/names" ]; then
    _oe_fail "oidc_exchange_redact: no secrets were fetched in this shell (run it in the job's script, after the component's before_script)"
    return 2
  fi
  _oe_rd=$(mktemp -d "$OIDC_EXCHANGE_DIR/redact.XXXXXX") || return 2
  mkfifo "$_oe_rd/out" "$_oe_rd/err" || { rm -rf "$_oe_rd"; return 2; }
  _oe_redact_filter "$OIDC_EXCHANGE_DIR" <"$_oe_rd/out" &
  _oe_rp1=$!
  _oe_redact_filter "$OIDC_EXCHANGE_DIR" <"$_oe_rd/err" >&2 &
  _oe_rp2=$!
  _oe_rst=0
  "$@" >"$_oe_rd/out" 2>"$_oe_rd/err" || _oe_rst=$?
  wait "$_oe_rp1" || :
  wait "$_oe_rp2" || :
  rm -rf "$_oe_rd"
  unset _oe_rd _oe_rp1 _oe_rp2
  return "$_oe_rst"
}

# after_script (a separate shell): revoke what the broker marked revocable, then remove every file. Best
# effort: it warns, never fails the job, never prints a value.
oidc_exchange_cleanup() {
  case $- in *x*) set +x ;; esac
  _oe_pointer="${TMPDIR:-/tmp}/oidc-exchange-${CI_JOB_ID:-local}.dir"
  if [ ! -f "$_oe_pointer" ] || [ -L "$_oe_pointer" ]; then
    _oe_say "nothing to clean up (the exchange did not run in this job)"
    return 0
  fi
  _oe_dir=$(head -n 1 "$_oe_pointer")
  rm -f "$_oe_pointer"
  case $_oe_dir in "${TMPDIR:-/tmp}"/oidc-exchange.*) ;; *) _oe_warn "ignoring an unexpected state path"; return 0 ;; esac
  if [ ! -d "$_oe_dir" ] || [ -L "$_oe_dir" ] || [ ! -O "$_oe_dir" ]; then
    _oe_warn "the private directory is gone or not ours; nothing removed"
    return 0
  fi
  if [ -s "$_oe_dir/revoke" ] && [ ! -e "$_oe_dir/no-revoke" ]; then
    _oe_ca_file=${OIDC_EXCHANGE_CA_FILE:-}
    if _oe_pick_client 2>/dev/null; then
      _oe_revoke_all
    else
      _oe_warn "cannot revoke (no curl or GNU wget); the tokens expire on their own"
    fi
  fi
  rm -rf "$_oe_dir"
  _oe_say "removed the secrets' files"
  unset _oe_dir _oe_pointer
  return 0
}

_oe_revoke_all() {
  umask 077
  while read -r _oe_t _oe_u _oe_kind; do
    [ -f "$_oe_dir/v/$_oe_t" ] || [ "$_oe_kind" = vault ] || continue
    if [ "$_oe_kind" = vault ]; then
      cp "$_oe_dir/vault.h" "$_oe_dir/rev.h"
      _oe_m=POST
    else
      { printf 'Authorization: Bearer '; cat "$_oe_dir/v/$_oe_t"; printf '\nAccept: application/vnd.github+json\nX-GitHub-Api-Version: 2022-11-28\nUser-Agent: oidc-exchange-gitlab/1\n'; } >"$_oe_dir/rev.h"
      _oe_m=DELETE
    fi
    _oe_http "$_oe_m" "$_oe_u" "$_oe_dir/rev.h" '' 10 2>/dev/null || _oe_status=000
    rm -f "$_oe_dir/rev.h"
    case $_oe_status in
      204) _oe_say "revoked $_oe_t" ;;
      401 | 403) _oe_say "$_oe_t was already revoked or expired" ;;
      000) _oe_warn "could not reach $_oe_u to revoke $_oe_t; it expires on its own" ;;
      *) _oe_warn "revoking $_oe_t answered $_oe_status; it expires on its own" ;;
    esac
  done <"$_oe_dir/revoke"
  unset _oe_t _oe_u _oe_kind _oe_m
}
