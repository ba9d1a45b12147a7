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
  /**
   * What is at a path, without reading it, so that a folder, a link that leaves the folder, a link
   * loop or a file too large to read is reported before anything is read. Optional: a source without
   * it (files in memory) is only read.
   */
  lookup?(relativePath: string): DataFileLookup;
  /**
   * The file's absolute path on disk, symbolic links resolved, if it is a file inside the folder: for
   * readers that open files themselves (DuckDB, for ```data format=sql). Optional: a source without it
   * (files in memory) cannot be queried with SQL.
   */
  realPath?(relativePath: string): string | undefined;
}

/** What `lookup` finds at a path. */
export type DataFileLookup =
  | { kind: "file"; size: number }
  | { kind: "missing" }
  | { kind: "directory" }
  /** The path, or a symbolic link on it, leads outside the data folder. */
  | { kind: "outside" }
  /** Something that cannot be read as a file; `reason` completes "it is …" / "it has …" for editors. */
  | { kind: "unreadable"; reason: string };
