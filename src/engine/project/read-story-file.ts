import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { StoryInput } from "../compile-story.ts";
import { decodeDataFile } from "../data/decode-data-file.ts";
import { resolveInProject } from "./resolve-in-project.ts";
import { MAX_STORY_BYTES } from "../limits.ts";

/**
 * Reads a story file the way its editor saved it: UTF-8 as it is; UTF-16 or GB18030 (Notepad and
 * other Chinese Windows tools) decoded, noted on the input so the story is warned about; anything else
 * read as UTF-8, with the problem noted so the story reports it instead of showing garbled text.
 */
export function storyInputFromBytes(path: string, bytes: Uint8Array): StoryInput {
  const decoded = decodeDataFile(bytes);
  if (decoded.ok) return decoded.encoding ? { path, text: decoded.text, encoding: decoded.encoding } : { path, text: decoded.text };
  const problem = decoded.problem === "binary" ? `it is ${decoded.what}` : decoded.detail;
  return { path, text: new TextDecoder("utf-8").decode(bytes), encodingProblem: problem };
}

/** Reads a story file, unless its size on disk is over MAX_STORY_BYTES: then it is not read, only noted as too large. */
export function readStoryFile(absolutePath: string, path: string): StoryInput {
  const { size } = statSync(absolutePath);
  if (size > MAX_STORY_BYTES) return { path, text: "", tooLarge: size };
  return storyInputFromBytes(path, readFileSync(absolutePath));
}

/** A project file's text for a code frame, decoded as Plotline read it; nothing for a file too large to read. */
export function readSourceText(absolutePath: string): string {
  if (statSync(absolutePath).size > MAX_STORY_BYTES) return "";
  const decoded = decodeDataFile(readFileSync(absolutePath));
  return decoded.ok ? decoded.text : readFileSync(absolutePath, "utf8");
}

/**
 * The text of a project file (path relative to the root, with "/") for a code frame, or undefined when
 * it is missing, not a regular file, or outside the project, also through a symbolic link: a
 * diagnostic about a link to ~/.bashrc must not print ~/.bashrc.
 */
export function readProjectSourceText(root: string, path: string): string | undefined {
  const where = resolveInProject(root, join(root, ...path.split("/")));
  if (where.kind !== "inside") return undefined;
  try {
    return statSync(where.real).isFile() ? readSourceText(where.real) : undefined;
  } catch {
    return undefined;
  }
}
