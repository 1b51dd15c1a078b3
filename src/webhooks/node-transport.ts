/**
 * The Node transport (imported by src/node.ts only). node:http(s) rather than fetch because it
 * lets the address check sit in the connection's own DNS lookup: every address a name resolves
 * to is checked, and the connection goes to one of those checked addresses, so a name that
 * resolves to a public address for the check and to a private one for the request (DNS
 * rebinding) gets nowhere.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isPublicAddress } from './address';
import { targetRefusal } from './target';
import { excerptBytes, type OutgoingRequest, type Reply, type Transport, timeoutMs } from './transport';

function resolveAll(host: string): Promise<string[]> {
  return new Promise((resolve, reject) =>
    dnsLookup(host, { all: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses.map((a) => a.address)),
    ),
  );
}

/** dns.lookup that fails when any address of the name is not public. */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 4);
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused || addresses.length === 0) {
      const refusal = new Error(
        `${hostname} resolves to ${refused?.address ?? 'nothing'}, which is not a public address`,
      );
      return callback(Object.assign(refusal, { code: 'EREFUSED' }), '', 4);
    }
    if (options.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const [first] = addresses as [LookupAddress];
    callback(null, first.address, first.family);
  });
};

function readExcerpt(response: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => resolve(Buffer.concat(chunks).subarray(0, excerptBytes).toString('utf8'));
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= excerptBytes) {
        response.destroy();
        done();
      }
    });
    response.on('end', done);
    response.on('error', done);
    response.on('close', done);
  });
}

export function nodeTransport(policy: { allowPrivate: boolean }): Transport {
  const refusal = (url: string) =>
    targetRefusal(url, { allowPrivate: policy.allowPrivate, resolve: policy.allowPrivate ? undefined : resolveAll });
  return {
    refusal,
    async send(outgoing: OutgoingRequest): Promise<Reply> {
      // Literals are checked here (they never reach a lookup), names by the lookup of the connection.
      const refused = await targetRefusal(outgoing.url, { allowPrivate: policy.allowPrivate });
      if (refused) throw new Error(refused);
      const url = new URL(outgoing.url);
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      return new Promise<Reply>((resolve, reject) => {
        const request = send(
          url,
          {
            method: outgoing.method,
            headers: { ...outgoing.headers, 'content-length': String(Buffer.byteLength(outgoing.body)) },
            ...(policy.allowPrivate ? {} : { lookup: publicOnlyLookup }),
          },
          (response) => {
            readExcerpt(response).then((excerpt) => {
              clearTimeout(timer);
              resolve({ status: response.statusCode ?? 0, excerpt });
            });
          },
        );
        const timer = setTimeout(() => {
          request.destroy(new Error(`no response within ${timeoutMs / 1000} s`));
        }, timeoutMs);
        request.on('error', (error) => {
          clearTimeout(timer);
          reject(new Error(error.message));
        });
        request.end(outgoing.body);
      });
    },
  };
}
