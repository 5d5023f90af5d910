# Installs Debian packages the tests need, or says which are missing when not run as root.
# Source it, then call apt_install PACKAGE...

apt_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "missing: $* (run as root, or install them, then run again)" >&2
    exit 1
  fi
  echo "== installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
