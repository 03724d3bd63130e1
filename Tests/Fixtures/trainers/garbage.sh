#!/bin/sh
# A trainer whose second line is not JSON.
cat > /dev/null
echo '{"status":"training","progress":1}'
echo 'Epoch 1/10 ....'
sleep 30
