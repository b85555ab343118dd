#!/bin/sh
# cli-classes.sh IMAGE WORK [NETWORK]: writes IMAGE/lib/app/cli-classes.lst, the classes a cold `check` of
# 784-128-64-10 (or of NETWORK: LauncherScriptTest's small one) loads, from which the launcher dumps its
# class-data-sharing archive on a user's first command (bin/backprop-workbench).
# The @lambda-proxy and @lambda-form-invoker lines are left out: JDK 17.0.15 crashes dumping them.
set -e
image=$1
work=$2
java="$image/lib/runtime/bin/java"
jar="$image/lib/app/backprop-workbench.jar"
mkdir -p "$work"
network=${3:-$work/big.json}
if [ -z "$3" ]; then
    "$java" -cp "$jar" org.backprop.workbench.Launcher bench --write-network "$network" > /dev/null
fi
status=0
"$java" -Xshare:off "-XX:DumpLoadedClassList=$work/cli-classes.all" -cp "$jar" org.backprop.workbench.Launcher \
    check "$network" > /dev/null || status=$?
if [ "$status" -gt 1 ]; then   # 0: every check passed, 1: some failed; both ran the whole command
    echo "cli-classes.sh: check exited with status $status" >&2
    exit 1
fi
grep -v '^@' "$work/cli-classes.all" > "$image/lib/app/cli-classes.lst"
[ -n "$3" ] || rm -f "$network"
