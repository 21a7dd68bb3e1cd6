#!/usr/bin/env bash
# An example federation on this machine: two partner communities and an association, three
# `artel serve` processes on loopback. The partners post vacancies and events; the association
# follows both, gathers everything, and publishes a de-duplicated digest of the week's vacancies.
#
#   examples/federation/run.sh [--once] [DIR]      (or: make demo)
#
# DIR holds the three nodes' data directories (default: a new temporary directory); it must be
# empty or absent. The nodes serve until Ctrl-C (or SIGTERM), then stop gracefully.
#
#   --once, DEMO_ONCE=1       stop the nodes as soon as everything is shown (for tests and CI)
#   ARTEL_BIN                 the artel binary (default: .build/debug/artel in the repository)
#   ARTEL_DEMO_PEER_PORT      the first of three peer ports (default 7411)
#   ARTEL_DEMO_API_PORT       the first of three HTTP API ports (default 7481)
#   ARTEL_DEMO_LOG_LEVEL      the nodes' log level (default info)
#   ARTEL_DEMO_TIMEOUT        seconds to wait for the federation to converge (default 60)
set -euo pipefail

usage() {
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
}

once=${DEMO_ONCE:-0}
base=""
while [ $# -gt 0 ]; do
    case "$1" in
    --once) once=1 ;;
    -h | --help)
        usage
        exit 0
        ;;
    -*)
        echo "error: unknown option $1 (see --help)" >&2
        exit 2
        ;;
    *)
        [ -z "$base" ] || {
            echo "error: give one directory, not \"$base\" and \"$1\"" >&2
            exit 2
        }
        base=$1
        ;;
    esac
    shift
done
[ "$once" = 1 ] || [ "$once" = 0 ] || {
    echo "error: DEMO_ONCE must be 0 or 1, not \"$once\"" >&2
    exit 2
}

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
artel=${ARTEL_BIN:-$root/.build/debug/artel}
peer_port=${ARTEL_DEMO_PEER_PORT:-7411}
api_port=${ARTEL_DEMO_API_PORT:-7481}
log_level=${ARTEL_DEMO_LOG_LEVEL:-info}
timeout=${ARTEL_DEMO_TIMEOUT:-60}
host=127.0.0.1

die() {
    echo "error: $*" >&2
    exit 1
}

((BASH_VERSINFO[0] > 5 || (BASH_VERSINFO[0] == 5 && BASH_VERSINFO[1] >= 1))) ||
    die "this script needs bash 5.1 or later (this is $BASH_VERSION)"
[ -x "$artel" ] || die "no artel binary at $artel: build it (make build), or point ARTEL_BIN at one"
command -v curl >/dev/null 2>&1 || die "curl is needed to talk to the nodes' HTTP API; install it (apt-get install curl)"
for number in "$peer_port" "$api_port" "$timeout"; do
    [[ "$number" =~ ^[0-9]+$ ]] || die "ports and the timeout are whole numbers, not \"$number\""
done
# The demo's nodes take their settings from the artel.toml files written below, not from this shell.
while read -r variable; do
    case "$variable" in ARTEL_BIN | ARTEL_DEMO_*) ;; ARTEL_*) unset "$variable" ;; esac
done < <(compgen -e)

# The nodes: short id, node name, community, its key's name, peer port, API port.
ids=(msk spb assoc)
declare -A node_name=([msk]=tech-leaders-msk [spb]=tech-leaders-spb [assoc]=community-leaders-association)
declare -A community=(
    [msk]="Tech Leaders Moscow"
    [spb]="Tech Leaders Petersburg"
    [assoc]="Ассоциация лидеров сообществ"
)
declare -A key_name=([msk]=tech-leaders-msk [spb]=tech-leaders-spb [assoc]=association)
declare -A peer=([msk]=$((peer_port)) [spb]=$((peer_port + 1)) [assoc]=$((peer_port + 2)))
declare -A api=([msk]=$((api_port)) [spb]=$((api_port + 1)) [assoc]=$((api_port + 2)))
declare -A node_key community_key pid

for id in "${ids[@]}"; do
    for port in "${peer[$id]}" "${api[$id]}"; do
        if (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; then
            die "port $port on $host is taken; choose other ports with ARTEL_DEMO_PEER_PORT and ARTEL_DEMO_API_PORT"
        fi
    done
done

if [ -z "$base" ]; then
    base=$(mktemp -d "${TMPDIR:-/tmp}/artel-federation.XXXXXX")
else
    if [ -e "$base" ] && [ -n "$(ls -A "$base" 2>/dev/null)" ]; then
        die "$base is not empty; give an empty or new directory"
    fi
    mkdir -p "$base"
    base=$(cd "$base" && pwd)
fi
setup_log=$base/setup.log
: >"$setup_log"

# artel ID ARGS…: runs the CLI on node ID's data directory; its output goes to setup.log, and to
# standard error too if it fails.
at() {
    local id=$1
    shift
    local output
    if ! output=$(ARTEL_DATA="$base/$id" "$artel" "$@" 2>&1); then
        printf '$ artel %s\n%s\n' "$*" "$output" >>"$setup_log"
        echo "error: artel $* (node $id) failed:" >&2
        printf '%s\n' "$output" | sed 's/^/  /' >&2
        return 1
    fi
    printf '$ artel %s\n%s\n' "$*" "$output" >>"$setup_log"
    printf '%s\n' "$output"
}

# The number after "total" in a list response of node ID's API: count ID KIND [QUERY].
count() {
    local body
    body=$(curl -fsS --max-time 5 "http://$host:${api[$1]}/api/v1/$2?limit=1${3:+&$3}" 2>/dev/null) || {
        echo "?"
        return 0
    }
    sed -n 's/.*"total"[[:space:]]*:[[:space:]]*\([0-9][0-9]*\).*/\1/p' <<<"$body" | head -n 1
}

# Stopping: SIGTERM to each node, then wait for each; a node stops within 15 s.
stopped=0
stop_nodes() {
    [ "$stopped" = 0 ] || return 0
    stopped=1
    local id status failed=0 running=${#pid[@]}
    [ "$running" -gt 0 ] || return 0
    echo
    echo "Stopping the nodes (SIGTERM)…"
    for id in "${ids[@]}"; do
        [ -n "${pid[$id]:-}" ] && kill -TERM "${pid[$id]}" 2>/dev/null || true
    done
    local deadline=$((SECONDS + 20))
    for id in "${ids[@]}"; do
        [ -n "${pid[$id]:-}" ] || continue
        while kill -0 "${pid[$id]}" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
        if kill -0 "${pid[$id]}" 2>/dev/null; then
            echo "  ${node_name[$id]} did not stop within 20 s; killing it (its replica stays consistent)"
            kill -KILL "${pid[$id]}" 2>/dev/null || true
        fi
        status=0
        wait "${pid[$id]}" 2>/dev/null || status=$?
        if [ "$status" = 0 ]; then
            echo "  ${node_name[$id]} stopped cleanly (exit 0)"
        else
            echo "  ${node_name[$id]} exited with status $status; see $base/$id/artel.log"
            failed=1
        fi
    done
    pid=()
    if [ "$failed" = 0 ]; then
        if [ "$running" = "${#ids[@]}" ]; then
            echo "All three nodes stopped cleanly. Their data stays in $base"
        else
            echo "The nodes still running stopped cleanly. Their data stays in $base"
        fi
    else
        echo "Not every node stopped cleanly. Their data and logs stay in $base" >&2
    fi
    return "$failed"
}
on_exit() {
    local status=$?
    trap - EXIT INT TERM
    stop_nodes || status=1
    exit "$status"
}
on_signal() {
    trap - EXIT INT TERM
    local status=0
    stop_nodes || status=1
    exit "$status"
}
trap on_exit EXIT
trap on_signal INT TERM

echo "Artel example federation in $base"
echo "  artel  $artel"
echo

# 1. Three nodes, each with its community.
echo "== Three nodes, each with a community of its own"
for id in "${ids[@]}"; do
    at "$id" init --name "${node_name[$id]}" >/dev/null
    node_key[$id]=$(at "$id" keys export node --public)
done
at msk community create --name "${community[msk]}" --kind community --area Москва --language ru \
    --description "Сообщество лидеров технических и профессиональных сообществ Москвы" \
    --topics комьюнити-менеджмент --topics лидерство --key-name "${key_name[msk]}" >/dev/null
at spb community create --name "${community[spb]}" --kind community --area Санкт-Петербург --language ru \
    --description "Лидеры сообществ Петербурга: митапы, мастермайнды, вакансии" \
    --topics комьюнити-менеджмент --topics лидерство --key-name "${key_name[spb]}" >/dev/null
at assoc community create --name "${community[assoc]}" --kind association --area Россия --language ru \
    --description "Ассоциация, которая собирает вакансии и события сообществ-партнёров в еженедельный дайджест" \
    --topics комьюнити-менеджмент --key-name "${key_name[assoc]}" >/dev/null
for id in "${ids[@]}"; do
    community_key[$id]=$(at "$id" keys export "${key_name[$id]}" --public)
    printf '  %-30s node key %s\n  %-30s %s  %s\n' "${node_name[$id]}" "${node_key[$id]}" "" \
        "community ${community_key[$id]:0:16}…" "${community[$id]}"
done

# 2. What each node follows, beyond its own community: the association follows both partners
# (the follows setting below, every kind); each partner follows the other's vacancies and events,
# and the association's digests, to show them all on its own site.
at msk follow "${community_key[spb]}" --kinds job --kinds event --kinds community >/dev/null
at spb follow "${community_key[msk]}" --kinds job --kinds event --kinds community >/dev/null
for id in msk spb; do
    at "$id" follow "${community_key[assoc]}" --kinds digest --kinds community >/dev/null
done

# 3. Each node's artel.toml: where it listens, which peers it dials (the other two), the API.
for id in "${ids[@]}"; do
    peers=""
    for other in "${ids[@]}"; do
        [ "$other" = "$id" ] && continue
        peers+="${peers:+, }\"$host:${peer[$other]}@${node_key[$other]}\""
    done
    {
        echo "# Written by examples/federation/run.sh: the settings of the demo node ${node_name[$id]}."
        echo "# examples/artel.toml explains every setting."
        echo
        echo "[node]"
        echo "name = \"${node_name[$id]}\""
        echo "listen = \"$host:${peer[$id]}\""
        echo "# The other two nodes of the demo, dialed when this one starts."
        echo "peers = [$peers]"
        if [ "$id" = assoc ]; then
            echo "# The partner communities whose records the association gathers (every kind)."
            echo "follows = [\"${community_key[msk]}\", \"${community_key[spb]}\"]"
        fi
        echo "reconcile_interval = 60"
        echo
        echo "[log]"
        echo "level = \"$log_level\""
        echo "format = \"text\""
        echo
        echo "[api]"
        echo "listen = \"$host:${api[$id]}\""
    } >"$base/$id/artel.toml"
    at "$id" config check >/dev/null
done
echo "  artel.toml written for each node: peers on $host:${peer[msk]}–${peer[assoc]}, APIs on $host:${api[msk]}–${api[assoc]}"

# 4. Accounts for the site on each node: an editor of the node's community (its jobs, events and
# digests), a moderator and an operator. Their passwords are new on each run, the same on the three
# nodes, and printed with each site's address at the end: the nodes listen on loopback only, for
# the person trying the demo, so printing them is fine here (never on a node others can reach).
roles=(editor moderator operator)
declare -A password
for role in "${roles[@]}"; do
    password[$role]="demo-$role-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
done
for id in "${ids[@]}"; do
    printf '%s\n' "${password[editor]}" | at "$id" user add editor --role editor --community "${community[$id]}" \
        --kinds job --kinds event --kinds digest >/dev/null
    printf '%s\n' "${password[moderator]}" | at "$id" user add moderator --role moderator >/dev/null
    printf '%s\n' "${password[operator]}" | at "$id" user add operator --role operator >/dev/null
done
echo "  accounts on each node: editor (its community's jobs, events and digests), moderator, operator"
echo

# 5. Serve. Each node gets its own process group (set -m), so that Ctrl-C reaches this script
# alone and the nodes get one SIGTERM from it, and stop gracefully.
echo "== Starting the nodes"
for id in "${ids[@]}"; do
    set -m
    "$artel" serve --data "$base/$id" >"$base/$id/artel.log" 2>&1 &
    pid[$id]=$!
    set +m
done
for id in "${ids[@]}"; do
    deadline=$((SECONDS + 30))
    until curl -fsS --max-time 2 "http://$host:${api[$id]}/health" >/dev/null 2>&1; do
        if ! kill -0 "${pid[$id]}" 2>/dev/null; then
            echo "error: ${node_name[$id]} exited while starting; the end of $base/$id/artel.log:" >&2
            tail -n 20 "$base/$id/artel.log" | sed 's/^/  /' >&2
            exit 1
        fi
        if [ "$SECONDS" -ge "$deadline" ]; then
            echo "error: ${node_name[$id]} did not answer /health within 30 s; see $base/$id/artel.log" >&2
            exit 1
        fi
        sleep 0.2
    done
    printf '  %-30s pid %-7s serving: peers %s:%s, API http://%s:%s\n' \
        "${node_name[$id]}" "${pid[$id]}" "$host" "${peer[$id]}" "$host" "${api[$id]}"
done
# Each account signs in on each site and lands on its own home page.
declare -A home=([editor]=/editor [moderator]=/moderation [operator]=/operator)
for id in "${ids[@]}"; do
    for role in "${roles[@]}"; do
        url="http://$host:${api[$id]}"
        landed=$(curl -sS --max-time 10 -o /dev/null -w '%{http_code} %{redirect_url}' -H "Origin: $url" \
            --data-urlencode "name=$role" --data-urlencode "password=${password[$role]}" "$url/signin") ||
            die "${node_name[$id]} did not answer $url/signin; see $base/$id/artel.log"
        [ "$landed" = "303 $url${home[$role]}" ] ||
            die "$role could not sign in on ${node_name[$id]} (answered \"$landed\"); see $base/$id/artel.log"
    done
done
echo "  on each site, editor, moderator and operator sign in and land on /editor, /moderation, /operator"
echo

# 6. The partners post while their nodes serve: the command line writes to the replica, and the
# serving node pushes each new delta to its peers.
echo "== Tech Leaders Moscow imports its Telegram channel's vacancy digests and event posts"
at msk import telegram "$root/Tests/Fixtures/telegram/result.json" --channel community_managers \
    --community "${community[msk]}" --events | sed 's/^/  /'

echo "== Tech Leaders Petersburg posts vacancies and events from the command line"
post_job() {
    local output
    output=$(at spb job post --community "${community[spb]}" "$@")
    printf '  job    %s  %s\n' "$(sed -n 's/^Created job \([0-9a-f]*\).*/\1/p' <<<"$output" | cut -c1-12)" "$2"
}
post_event() {
    local output
    output=$(at spb event post --community "${community[spb]}" "$@")
    printf '  event  %s  %s\n' "$(sed -n 's/^Created event \([0-9a-f]*\).*/\1/p' <<<"$output" | cut -c1-12)" "$2"
}
post_job --title "Комьюнити менеджер в Лабораторию Бега" --employer "Runlab" \
    --description "Лаборатория Бега / Runlab — команда профессиональных спортсменов и специалистов, которые на основе научного подхода подбирают беговую экипировку." \
    --duties "— создавать вовлекающий контент для соцсетей;
— организовывать и проводить мероприятия: лекции, тренировки, выставки, активности на стендах Runlab на экспо спортивных мероприятий;
— развивать программу амбассадоров бренда;
— анализировать и формировать отчетность." \
    --salary-min 90000 --salary-max 120000 --salary-currency RUB --salary-period month \
    --employment full_time --work-mode onsite --location-country Россия --location-city Санкт-Петербург \
    --tags комьюнити_вакансия --tags спорт --apply-url "https://runlab.example/jobs/community-manager"
post_job --title "Community Coordinator (координатор сообщества)" --employer "Speaklingua" \
    --description "Координатор отвечает за управление и развитие сообщества пользователей платформы изучения языков." \
    --duties "— разрабатывать стратегии привлечения новых участников и поддержания активности;
— планировать и проводить онлайн и офлайн мероприятия: вебинары, конкурсы, встречи;
— модерировать сообщество и поддерживать качество контента;
— собирать обратную связь и передавать её команде разработки." \
    --requirements "— опыт в комьюнити-менеджменте;
— инструменты: Discourse, Slack, Zoom, Eventbrite, Trello." \
    --salary-min 70000 --salary-max 90000 --salary-currency RUB --salary-period month \
    --employment full_time --work-mode remote --tags комьюнити_вакансия --tags edtech \
    --apply-url "https://speaklingua.example/careers/community-coordinator"
# The same vacancy as in Moscow's channel, with a tracking link: the digest lists it once.
post_job --title "Комьюнити-менеджер в Fashion Factory School" --employer "Fashion Factory School" \
    --duties "— проводить онбординг новых участников клуба выпускников;
— проводить мероприятия в комьюнити, на данном этапе не больше 4 в месяц." \
    --salary-min 50000 --salary-currency RUB --salary-period month --employment part_time \
    --tags комьюнити_вакансия --tags мода \
    --apply-url "https://www.ffschool.example/career/?utm_source=tech_leaders_spb"
post_event --title "Мастермайнд комьюнити-менеджеров" --type mastermind \
    --description "Формат на группу до 15 человек: каждый участник приносит кейс (вызов), с которым ему нужна помощь; другие задают уточняющие вопросы и делятся опытом из своей практики." \
    --start "$(date -u -d '+19 days' +%F) 19:00" --end "$(date -u -d '+19 days' +%F) 22:00" \
    --timezone Europe/Moscow --attendance offline --place-city Санкт-Петербург --place-country Россия \
    --capacity 15 --price бесплатно --language ru --tags мастермайнд \
    --registration-url "https://t.me/tech_leaders_spb"
post_event --title "Как выявить и работать с лидерами сообществ" --type webinar \
    --description "Наблюдайте и отмечайте, приглашайте пообщаться 1:1, прислушивайтесь к идеям, поддерживайте и поощряйте, создайте условия для роста, развивайте лидерскую сетку." \
    --start "$(date -u -d '+26 days' +%F) 19:00" --end "$(date -u -d '+26 days' +%F) 20:30" \
    --timezone Europe/Moscow --attendance online --online-urls "https://meet.example.org/leaders" \
    --price бесплатно --language ru --tags лидеры_сообществ
echo

# 7. Convergence: every node holds every partner's jobs and events.
echo "== Waiting for the federation to converge (at most $timeout s)"
declare -A own_jobs own_events
for id in msk spb; do
    own_jobs[$id]=$(count "$id" jobs "community=${community_key[$id]}")
    own_events[$id]=$(count "$id" events "community=${community_key[$id]}")
    [[ "${own_jobs[$id]}${own_events[$id]}" =~ ^[0-9]+$ ]] ||
        die "${node_name[$id]}'s API did not answer http://$host:${api[$id]}/api/v1/jobs; see $base/$id/artel.log"
done
want_jobs=$((own_jobs[msk] + own_jobs[spb])) want_events=$((own_events[msk] + own_events[spb]))
echo "  the partners posted $want_jobs jobs (Moscow ${own_jobs[msk]}, Petersburg ${own_jobs[spb]})" \
    "and $want_events events (Moscow ${own_events[msk]}, Petersburg ${own_events[spb]})"
deadline=$((SECONDS + timeout))
started=${EPOCHREALTIME//[^0-9]/}
while :; do
    converged=1 progress=""
    for id in "${ids[@]}"; do
        jobs=$(count "$id" jobs) events=$(count "$id" events)
        progress+="  ${node_name[$id]}: $jobs of $want_jobs jobs, $events of $want_events events"$'\n'
        [ "$jobs" = "$want_jobs" ] && [ "$events" = "$want_events" ] || converged=0
    done
    if [ "$converged" = 1 ]; then
        took=$(((${EPOCHREALTIME//[^0-9]/} - started) / 1000))
        echo "  converged: every node holds all $want_jobs jobs and $want_events events (in $took ms)"
        break
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
        echo "error: the federation did not converge within $timeout s:" >&2
        printf '%s' "$progress" >&2
        echo "  look at the logs ($base/*/artel.log) and at what was refused (ARTEL_DATA=$base/assoc $artel refused)" >&2
        exit 1
    fi
    sleep 0.5
done
echo

# 8. The association's digest of the partners' vacancies: each vacancy once.
echo "== The association composes and publishes its digest"
first=$(ARTEL_DATA="$base/assoc" "$artel" list jobs --json --limit 500 |
    sed -n 's/.*"date_posted"[[:space:]]*:[[:space:]]*"\([0-9-]\{10\}\).*/\1/p' | sort | head -n 1)
last=$(ARTEL_DATA="$base/assoc" "$artel" list jobs --json --limit 500 |
    sed -n 's/.*"date_posted"[[:space:]]*:[[:space:]]*"\([0-9-]\{10\}\).*/\1/p' | sort | tail -n 1)
today=$(date -u +%F)
first=${first:-$today}
until_day=$today
[[ "${last:-}" > "$until_day" ]] && until_day=$last
at assoc digest compose --from "$first" --until "$until_day" --format markdown >"$base/assoc/digest.md"
echo "  composed $base/assoc/digest.md ($(grep -c '^_\{5,\}' "$base/assoc/digest.md" || true) vacancies from $want_jobs listings):"
# One line per vacancy: employer — title, and where else it was listed.
awk '/^\*\*.*\*\* — / { if (line) print line; line = "    " $0; gsub(/\*\*/, "", line) }
    /^Также опубликовано/ { line = line "  (" $0 ")" }
    END { if (line) print line }' "$base/assoc/digest.md"
at assoc digest publish --to "${community[assoc]}" --title "Вакансии недели для комьюнити-менеджеров" \
    --from "$first" --until "$until_day" | sed 's/^/  /'
# The partners follow the association's digests; wait until they have it.
deadline=$((SECONDS + timeout))
until [ "$(count msk digests)" = 1 ] && [ "$(count spb digests)" = 1 ]; do
    if [ "$SECONDS" -ge "$deadline" ]; then
        echo "  (the digest has not reached both partners within $timeout s)"
        break
    fi
    sleep 0.5
done
echo

# 9. What each node holds, and where to look.
echo "== Each node now holds"
for id in msk spb; do
    printf '  %-30s %2s jobs (%s its own), %2s events (%s its own), %s digest (the association'"'"'s)\n' \
        "${node_name[$id]}" "$(count "$id" jobs)" "$(count "$id" jobs "community=${community_key[$id]}")" \
        "$(count "$id" events)" "$(count "$id" events "community=${community_key[$id]}")" "$(count "$id" digests)"
done
printf '  %-30s %2s jobs and %s events gathered from the partners, %s digest (its own)\n' \
    "${node_name[assoc]}" "$(count assoc jobs)" "$(count assoc events)" \
    "$(count assoc digests "community=${community_key[assoc]}")"
echo
echo "== Where to look"
for id in "${ids[@]}"; do
    url="http://$host:${api[$id]}"
    echo "${node_name[$id]} — ${community[$id]}"
    echo "  site          $url/  (the job board; events, communities, digests, market)"
    echo "  sign in       $url/signin  (demo accounts, this run's passwords):"
    echo "    editor      ${password[editor]}  → /editor: the jobs, events and digests of ${community[$id]}"
    echo "    moderator   ${password[moderator]}  → /moderation: quarantine, blocks, hidden records"
    echo "    operator    ${password[operator]}  → /operator: peers, follows, accounts, grants, backup"
    echo "  API base      $url/api/v1/  (jobs, events, communities, digests…)"
    echo "  health        $url/health"
    echo "  metrics       $url/metrics  (with the API token below)"
    echo "  jobs feed     $url/feeds/jobs.json"
    echo "  jobs Atom     $url/feeds/jobs.atom"
    echo "  calendar      $url/feeds/events.ics"
    echo "  digest        $url/feeds/digest.html"
    echo "  changes (SSE) $url/api/v1/changes"
    echo "  API token     $base/$id/api.token  (writes: Authorization: Bearer \$(cat it))"
    echo "  log           $base/$id/artel.log"
done
echo
echo "Open the association's site in a browser: http://$host:${api[assoc]}/"
echo "Try: curl -s http://$host:${api[assoc]}/api/v1/jobs | head -c 600; echo"
echo "     ARTEL_DATA=$base/assoc $artel list jobs"
echo "     ARTEL_DATA=$base/spb $artel job post --community \"${community[spb]}\" --title \"Модератор чата\"  (reaches the association at once)"
echo

if [ "$once" = 1 ]; then
    stop_nodes
    trap - EXIT
    exit 0
fi

echo "The federation is running. Press Ctrl-C to stop it."
# Wait for a signal (the trap stops the nodes); a node that exits on its own ends the demo.
while :; do
    status=0
    wait -n "${pid[@]}" || status=$?
    for id in "${ids[@]}"; do
        if [ -n "${pid[$id]:-}" ] && ! kill -0 "${pid[$id]}" 2>/dev/null; then
            echo "error: ${node_name[$id]} exited on its own (status $status); see $base/$id/artel.log" >&2
            unset "pid[$id]"
            exit 1
        fi
    done
done
