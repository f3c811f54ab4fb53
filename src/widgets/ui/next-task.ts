// Let the browser draw and answer input between two pieces of a large piece of work, so that
// neither piece is a long task (a megabyte's check, then keeping it).

/** Resolves in a new task, after the browser has had its turn. */
export function nextTask(): Promise<void> {
  return new Promise((done) => setTimeout(done, 0));
}
