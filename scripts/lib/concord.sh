# The concord binary the browser and deployment tests run. Source it, then call
# concord_bin_ready: it exports CONCORD_BIN, building the debug binary when there is none.

concord_bin_ready() {
  if [ -z "${CONCORD_BIN:-}" ]; then
    CONCORD_BIN="$(swift build --show-bin-path)/concord"
    # An older build may predate `concord serve`: build then too.
    if [ ! -x "$CONCORD_BIN" ] || ! "$CONCORD_BIN" serve --help >/dev/null 2>&1; then
      echo "== building concord"
      swift build --product concord
    fi
  fi
  export CONCORD_BIN
}
