// The help text: every command and flag, with defaults.

export const usage = `microgpt: train and sample Karpathy's microgpt from the command line

usage: node scripts/cli/microgpt.ts <command> [flags]

commands:
  init   --seed N [--data FILE] [--n-embd N --n-head N --n-layer N --block-size N] --out FILE
         fresh weights; the vocabulary comes from the dataset
  train  (--init FILE | --seed N) [--data FILE] --steps N [--lr X] [--no-shuffle]
         [--engine fast|value] --out FILE
         train one document per step; with --seed, the size flags of init apply too
  sample --model FILE [--n 20] [--temperature 0.5] [--top-k K] [--top-p P] [--prefix S] [--seed 42]
         one generated name per line
  score  --model FILE --doc TEXT
         the loss of one document and each position's probability of its target, as JSON
  help   this text

defaults: --data is the built-in list of ~8,400 names (one document per line);
sizes are microgpt's (--n-embd 16 --block-size 16 --n-head 4 --n-layer 1); --lr 0.01; --engine fast;
train --init shuffles with --seed, or 42 when it is absent.

files: --data, --init and --model are UTF-8 text of at most 64 MiB; --out is written to a
temporary file beside it, then renamed, and is checked before any training starts.

errors print one line starting "microgpt: " and exit with code 2.`;
