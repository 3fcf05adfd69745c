/**
 * Incremental scanner for a Records API response `{"data":[{…},{…}], "info":{…}}` (pure).
 *
 * It hands out the text of each element of the top-level `data` array as soon as it is
 * complete, so a saved response of any size is read with memory bounded by one record.
 */
import { AppError } from '../../../../shared/ipc/errors';

type Mode = 'top' | 'data' | 'done';

/** Feed text chunks with `push`; complete records come back as parsed objects. */
export class JsonDataScanner {
  private mode: Mode = 'top';
  private depth = 0;
  private inString = false;
  private escape = false;
  /** Text of the top-level key being read; keys can be split across chunks. */
  private keyBuf = '';
  private lastString = '';
  private pendingKey: string | null = null;
  private sawData = false;
  private started = false;
  /** Text of the record being collected (only while inside one). */
  private record = '';
  private recordDepth = -1;
  private recordNo = 0;

  /** Scans a chunk; returns the records completed in it. */
  push(chunk: string): unknown[] {
    const out: unknown[] = [];
    let recordFrom = this.recordDepth >= 0 ? 0 : -1;
    let keyFrom = 0;
    for (let i = 0; i < chunk.length; i += 1) {
      const ch = chunk.charCodeAt(i);
      if (this.inString) {
        if (this.escape) {
          this.escape = false;
        } else if (ch === 92 /* \ */) {
          this.escape = true;
        } else if (ch === 34 /* " */) {
          this.inString = false;
          if (this.depth === 1 && this.mode === 'top') {
            this.lastString = this.keyBuf + chunk.slice(keyFrom, i);
            this.keyBuf = '';
          }
        }
        continue;
      }
      if (!this.started) {
        if (ch === 0xfeff || ch === 32 || ch === 9 || ch === 10 || ch === 13) {
          continue;
        }
        if (ch !== 123 /* { */) {
          throw new AppError('JSON_INVALID', 'This is not a Records API response: it should start with {"data":[…]}.');
        }
        this.started = true;
      }
      switch (ch) {
        case 34: // "
          this.inString = true;
          keyFrom = i + 1;
          this.keyBuf = '';
          break;
        case 58: // :
          if (this.depth === 1 && this.mode === 'top') {
            this.pendingKey = this.lastString;
          }
          break;
        case 123: // {
        case 91: // [
          this.depth += 1;
          if (this.mode === 'top' && this.depth === 2 && ch === 91 && this.pendingKey === 'data') {
            this.mode = 'data';
            this.sawData = true;
          } else if (this.mode === 'data' && this.depth === 3 && this.recordDepth < 0) {
            if (ch !== 123) {
              throw new AppError('JSON_INVALID', `Element ${this.recordNo + 1} of "data" is not a record object.`);
            }
            this.recordDepth = 3;
            recordFrom = i;
            this.record = '';
          }
          break;
        case 125: // }
        case 93: // ]
          if (this.mode === 'data' && this.depth === 3 && this.recordDepth === 3) {
            this.record += chunk.slice(recordFrom, i + 1);
            out.push(this.parseRecord(this.record));
            this.record = '';
            this.recordDepth = -1;
            recordFrom = -1;
          } else if (this.mode === 'data' && this.depth === 2) {
            this.mode = 'top';
            this.pendingKey = null;
          }
          this.depth -= 1;
          if (this.depth === 0) {
            this.mode = 'done';
          }
          if (this.depth < 0) {
            throw new AppError('JSON_INVALID', 'The JSON has more closing brackets than opening ones.');
          }
          break;
        case 44: // ,
          if (this.depth === 1) {
            this.pendingKey = null;
          }
          break;
        default:
          break;
      }
    }
    if (this.inString && this.depth === 1 && this.mode === 'top') {
      this.keyBuf += chunk.slice(keyFrom);
    }
    if (this.recordDepth >= 0 && recordFrom >= 0) {
      this.record += chunk.slice(recordFrom);
    }
    return out;
  }

  /** Call after the last chunk: throws if the document was cut short or had no `data`. */
  end(): void {
    if (!this.started) {
      throw new AppError('JSON_INVALID', 'The file is empty.');
    }
    if (this.depth !== 0 || this.inString) {
      throw new AppError('JSON_INVALID', 'The JSON ends in the middle of a value (the file looks truncated).');
    }
    if (!this.sawData) {
      throw new AppError('JSON_INVALID', 'The JSON has no "data" array; a Records API response holds its records there.');
    }
  }

  private parseRecord(text: string): unknown {
    this.recordNo += 1;
    try {
      return JSON.parse(text) as unknown;
    } catch (err) {
      throw new AppError('JSON_INVALID', `Record ${this.recordNo} of "data" is not valid JSON: ${(err as Error).message}`);
    }
  }
}
