#!/bin/sh
# A trainer that reports a failure.
cat > /dev/null
echo '{"status":"training","progress":5}'
echo '{"status":"failed","error":"not enough GPU memory"}'
exit 1
