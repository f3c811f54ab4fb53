// An expected failure: bad input the user can fix. The top level prints its message as
// one line and exits with code 2; anything else is a bug and reported as an internal error.

export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}
