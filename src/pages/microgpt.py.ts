// /microgpt.py: the Python twin of the engine, for readers to download and run with python3.
// The file is the source itself, taken at build time, so the download is the tested code.

import source from '../engine/microgpt.py?raw';

export function GET(): Response {
  return new Response(source, { headers: { 'Content-Type': 'text/x-python; charset=utf-8' } });
}
