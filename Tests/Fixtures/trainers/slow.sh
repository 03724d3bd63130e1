#!/bin/sh
# A trainer that never finishes (for the timeout).
cat > /dev/null
echo '{"status":"training","progress":1}'
sleep 30
echo '{"status":"trained","model":"never.bin"}'
