/**
 * An error whose message is written for the person running the program (a malformed rules file,
 * bad configuration, a data folder in use): entry points print the message alone, without a
 * stack, and exit with `exitCode`.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
    this.name = "UserError";
  }
}
