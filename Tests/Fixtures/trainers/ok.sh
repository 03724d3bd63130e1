#!/bin/sh
# A trainer that follows the protocol: reads the request, reports progress, writes a model.
request=$(cat)
case "$request" in *'"protocol":"persona-host-trainer/1"'*) ;; *) echo '{"status":"failed","error":"no request"}'; exit 1 ;; esac
printf '%s\n' "$request" > request.json
echo '{"status":"training","progress":10,"message":"loading photos","external_id":"ext-42"}'
echo '{"status":"training","progress":60}'
echo "model bytes" > model.safetensors
echo '{"status":"trained","model":"model.safetensors"}'
