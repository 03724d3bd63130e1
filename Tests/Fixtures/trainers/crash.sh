#!/bin/sh
# A trainer that crashes without a final line.
cat > /dev/null
echo '{"status":"training","progress":30}'
echo "loading weights" >&2
echo "Segmentation fault in step 12" >&2
exit 3
