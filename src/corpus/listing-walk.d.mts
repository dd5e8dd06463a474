import type { Dirent } from 'node:fs';

/** One folder of a listing: its files' names, their stamps (size, mtimeMs, ctimeMs at 3i…3i+2), their digest and newest time. */
export interface ListedFolder {
  path: string;
  digest: string;
  names: string[];
  stamps: Float64Array;
  newest: number;
}

export function readFolder(path: string, sep: string, entries?: Dirent[]): { folder: ListedFolder; subfolders: string[] };
export function walkTree(path: string, sep: string, out?: ListedFolder[]): ListedFolder[];
