import { STATUS_CODES } from 'node:http';
import type { Headers } from 'undici';

const utf8 = new TextDecoder('utf-8');

/**
 * A subgraph's answer, its body already read (subgraph-fetch.ts reads it inside the deadline), in the shape
 * RemoteGraphQLDataSource expects of `fetch`'s Response (@apollo/utils.fetcher's FetcherResponse). Building a
 * WHATWG Response around bytes already in hand, then reading them back through its stream, cost more of the
 * gateway's CPU than parsing the JSON itself; this decodes them directly, as Response does (UTF-8, BOM dropped).
 */
export class BufferedResponse {
  readonly url: string;
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly redirected = false;
  #bytes: ArrayBuffer;
  #used = false;

  constructor(url: string, status: number, headers: Headers, bytes: ArrayBuffer) {
    this.url = url;
    this.status = status;
    this.statusText = STATUS_CODES[status] ?? '';
    this.headers = headers;
    this.#bytes = bytes;
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  get bodyUsed(): boolean {
    return this.#used;
  }

  /** Like Response, a body is read once. */
  #take(): ArrayBuffer {
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    return this.#bytes;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#take();
  }

  async text(): Promise<string> {
    return utf8.decode(this.#take());
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  clone(): BufferedResponse {
    if (this.#used) throw new TypeError('Response.clone: Body has already been consumed.');
    return new BufferedResponse(this.url, this.status, this.headers, this.#bytes);
  }
}
