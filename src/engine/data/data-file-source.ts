/**
 * Where `src=` data files come from. The engine only sees this interface, so tests can hand it files
 * from memory and the build hands it the project's data/ folder.
 */
export interface DataFileSource {
  /** The folder name shown to editors in messages, e.g. "data". */
  readonly displayRoot: string;
  /**
   * The bytes of a file, given its path relative to the data folder (forward slashes),
   * or undefined if there is no such file. Never reads outside the folder.
   */
  read(relativePath: string): Uint8Array | undefined;
  /** Every file's path relative to the data folder, for "did you mean" suggestions. */
  list(): string[];
}
