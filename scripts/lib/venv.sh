# The Python virtual environment in .venv that the tests use: Selenium and axe-core for the
# browser tests, aiosmtpd for the real SMTP server the mail tests send to. Source it, then call
# venv_ready.

venv_ready() {
  if [ -x .venv/bin/python ] && .venv/bin/python -c 'import selenium, pytest, axe_playwright_python, aiosmtpd' 2>/dev/null; then
    return 0
  fi
  echo "== setting up .venv (selenium, pytest, axe-core, aiosmtpd)"
  [ -x .venv/bin/python ] || python3 -m venv .venv
  .venv/bin/pip install -q selenium==4.51.0 pytest==9.2.0 aiosmtpd==1.4.6
  # Only for the axe-core 4.x axe.min.js it bundles; its playwright dependency is not needed.
  .venv/bin/pip install -q --no-deps axe-playwright-python==0.1.8
}
