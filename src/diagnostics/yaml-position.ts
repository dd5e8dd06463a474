/**
 * Maps the keys and values of a YAML document (a spec's front-matter, a `theme.yaml`) to their
 * line and column in the file, so every message points at the exact spot
 * (`briefings/x.md:4:11`), the way unified/vfile messages do.
 */
import { isMap, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

export class YamlLocator {
  constructor(
    private readonly doc: Document,
    private readonly counter: LineCounter,
    /** Lines in the file before the YAML text starts (the `---` above a front-matter). */
    private readonly lineOffset = 0,
  ) {}

  /** Position of offset `pos` in the YAML text, as a file position. */
  at(pos: number): Position {
    const { line, col } = this.counter.linePos(pos);
    return { line: line + this.lineOffset, column: col };
  }

  /** Where the value at `path` starts (or its key when `key` is set); undefined when absent. */
  locate(path: readonly (string | number)[], key = false): Position | undefined {
    let node: unknown = this.doc.contents;
    for (let i = 0; i < path.length; i++) {
      const step = path[i];
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
        if (!pair) return undefined;
        if (key && i === path.length - 1) return this.startOf(pair.key as Node);
        node = pair.value ?? pair.key;
      } else if (isSeq(node) && typeof step === 'number') {
        node = node.items[step];
      } else if (isScalar(node) || node === undefined) {
        break;
      } else return undefined;
    }
    return this.startOf(node as Node | undefined);
  }

  private startOf(node: Node | undefined | null): Position | undefined {
    const range = node?.range;
    return range ? this.at(range[0]) : undefined;
  }
}
