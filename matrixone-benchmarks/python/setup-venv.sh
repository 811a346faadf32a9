#!/usr/bin/env bash
# Makes (once) the virtualenv with MatrixOne's Python SDK that the Java-vs-Python pairs drive, outside the
# repository, and prints its python. matrixone-python-sdk 0.1.16 is what a MatrixOne user would otherwise pick;
# its async client needs SQLAlchemy's asyncio extra (greenlet), which the package does not declare.
#   BENCH_VENV  where (default /work/venv-bench if /work exists, else ~/.cache/matrixone-bench-venv)
set -euo pipefail
venv=${BENCH_VENV:-$([[ -d /work ]] && echo /work/venv-bench || echo "$HOME/.cache/matrixone-bench-venv")}
if ! "$venv/bin/python" -c 'import matrixone, sqlalchemy, greenlet' 2>/dev/null; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install -q 'matrixone-python-sdk==0.1.16' 'SQLAlchemy[asyncio]>=2.0,<2.1' >&2
fi
echo "$venv/bin/python"
