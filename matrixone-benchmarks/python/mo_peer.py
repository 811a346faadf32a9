"""The Python side of the Java-vs-Python pairs: MatrixOne's Python SDK (matrixone-python-sdk) doing the seeds'
workloads, driven line by line by the Java benchmark (io.matrixone.benchmarks.PythonPeer), which runs the Java
SDK's side in alternation with this process.

Usage: python mo_peer.py HOST PORT USER PASSWORD DATABASE TX_DATABASE
Commands on stdin, one per line; answers on stdout:
  round WORKLOAD MILLIS ARG  ->  ok ITEMS WALL_NS CPU_NS PEAK_BYTES
    MILLIS > 0: run the workload back to back for that long (after its reset, untimed); 0: reset, then run it once.
    CPU_NS is this process's CPU time; PEAK_BYTES the peak resident-set growth (streaming only, else 0).
  quit
Anything the SDK prints goes to stderr.
"""
import gc
import os
import sys
import time

PROTO = os.fdopen(os.dup(1), "w", buffering=1)
os.dup2(2, 1)
sys.stdout = sys.stderr

from matrixone import Client, SnapshotLevel  # noqa: E402
from sqlalchemy import BigInteger, Column, String  # noqa: E402
from sqlalchemy.orm import declarative_base  # noqa: E402

HOST, PORT, USER, PASSWORD, DB, TX_DB = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]
POINT_SQL = "SELECT id, name, email FROM bench_users WHERE id = ?"
USER_ROWS = 10000

Base = declarative_base()


class User(Base):
    __tablename__ = "bench_py_users"
    id = Column(BigInteger, primary_key=True, autoincrement=True)
    name = Column(String(64), nullable=False)
    email = Column(String(128), nullable=False)


def connect(database=DB):
    # SQL logging off, as on the Java side (its log level is WARN); TLS off on both sides
    client = Client(sql_log_mode="off")
    client.connect(host=HOST, port=PORT, user=USER, password=PASSWORD, database=database, ssl_mode="disabled")
    return client


main = connect()
tx_client = connect(TX_DB)
counter = [0]


def next_id():
    counter[0] += 1
    return counter[0]


def connect_point(arg):
    c = connect()
    row = c.execute(POINT_SQL, (next_id() % USER_ROWS + 1,)).fetchone()
    if row is None:
        raise RuntimeError("no row")
    c.disconnect()
    return 1


def batch_1000(arg):
    base = next_id() * 1000
    rows = [{"name": "py-%d" % k, "email": "py-%d@example.com" % k} for k in range(base, base + 1000)]
    main.batch_insert("bench_batch_py", rows)
    return 1000


def batch_reset(arg):
    main.execute("TRUNCATE TABLE bench_batch_py")


def bulk(arg):
    n = int(arg)
    chunk = 10000
    with main.session() as s:
        for start in range(1, n + 1, chunk):
            end = min(start + chunk, n + 1)
            s.batch_insert("bench_bulk_py", [
                {"id": i, "name": "name-%d" % i, "email": "user-%d@example.com" % i} for i in range(start, end)])
    return n


def bulk_reset(arg):
    main.execute("TRUNCATE TABLE bench_bulk_py")


made = []


def unified_tx(arg):
    # MatrixOne refuses CREATE SNAPSHOT inside a transaction (20101), and this SDK has no way to defer it: the ORM
    # insert and the raw insert share the session's transaction, the snapshot and the clone follow its commit.
    # Every transaction makes its own snapshot and clone; unified_tx_cleanup drops them after the round, untimed.
    k = next_id()
    made.append(k)
    with tx_client.session() as s:
        s.add(User(name="orm-%d" % k, email="orm-%d@example.com" % k))
        s.flush()
        s.execute("INSERT INTO bench_py_users (name, email) VALUES (?, ?)", ("raw-%d" % k, "raw-%d@example.com" % k))
    tx_client.snapshots.create("bench_snap_py_%d" % k, SnapshotLevel.DATABASE, database=TX_DB)
    tx_client.clone.clone_database("bench_clone_py_%d" % k, TX_DB, snapshot_name="bench_snap_py_%d" % k)
    return 1


def unified_tx_cleanup(arg):
    for k in made:
        main.execute("DROP DATABASE IF EXISTS bench_clone_py_%d" % k)
        main.snapshots.delete("bench_snap_py_%d" % k)
    del made[:]


def stream(arg):
    result = main.execute("SELECT id, name FROM " + arg)
    n = 0
    total = 0
    for row in result.rows:
        n += 1
        total += row[0] + len(row[1])
    del result
    if total == 0:
        raise RuntimeError("nothing read")
    return n


# name: (body, reset before a single shot or before a timed round's warm-up and its measured run, cleanup after a
# round; both untimed)
WORKLOADS = {
    "connect_point": (connect_point, None, None),
    "batch_1000": (batch_1000, batch_reset, None),
    "bulk": (bulk, bulk_reset, None),
    "unified_tx": (unified_tx, None, unified_tx_cleanup),
    "stream": (stream, None, None),
}


def status_kb(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def reset_peak():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")  # resets VmHWM, the peak resident set
        return True
    except OSError:
        return False


def round_(name, millis, arg, warmup_millis=0):
    body, reset, cleanup = WORKLOADS[name]
    items = 0
    peak = 0
    if millis > 0 and warmup_millis > 0:
        # as long as the Java side's JMH warm-up: both sides then write for the same time per round
        if reset:
            reset(arg)
        deadline = time.perf_counter_ns() + warmup_millis * 1000000
        while time.perf_counter_ns() < deadline:
            body(arg)
    if millis <= 0:
        if reset:
            reset(arg)
        gc.collect()
        measure_peak = name == "stream" and reset_peak()
        rss0 = status_kb("VmRSS")
        w0, c0 = time.perf_counter_ns(), time.process_time_ns()
        items = body(arg)
        w1, c1 = time.perf_counter_ns(), time.process_time_ns()
        if measure_peak:
            peak = max(0, status_kb("VmHWM") - rss0) * 1024
    else:
        if reset:
            reset(arg)  # as the Java side's @Setup(Level.Iteration)
        w0, c0 = time.perf_counter_ns(), time.process_time_ns()
        deadline = w0 + millis * 1000000
        while True:
            items += body(arg)
            if time.perf_counter_ns() >= deadline:
                break
        w1, c1 = time.perf_counter_ns(), time.process_time_ns()
    if cleanup:
        cleanup(arg)
    return "ok %d %d %d %d" % (items, w1 - w0, c1 - c0, peak)


def main_loop():
    from importlib.metadata import version  # the distribution's version (the module's __version__ says 1.0.0)
    PROTO.write("ready matrixone-python-sdk %s\n" % version("matrixone-python-sdk"))
    for line in sys.stdin:
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "quit":
            break
        try:
            if parts[0] == "round":
                PROTO.write(round_(parts[1], int(parts[2]), parts[3] if len(parts) > 3 else "",
                                   int(parts[4]) if len(parts) > 4 else 0) + "\n")
            else:
                PROTO.write("error unknown command %s\n" % parts[0])
        except Exception as e:  # reported to the Java side, which fails the pair
            PROTO.write("error %s\n" % repr(e).replace("\n", " "))
    main.disconnect()
    tx_client.disconnect()


main_loop()
