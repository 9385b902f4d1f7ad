// An AWS Secrets Manager double that speaks its wire protocol, for the broker's `aws_secrets_manager`
// backend (which uses AWS's own SDK): AWS JSON 1.1 (`POST /`, `Content-Type: application/x-amz-json-1.1`,
// `X-Amz-Target: secretsmanager.GetSecretValue`), SigV4-signed requests checked the way AWS checks them
// (well-formed Authorization and X-Amz-Date, a known access key, the credential scope's region and service,
// a date within 15 minutes, and the signature recomputed with AWS's own signer over the request as received),
// and AWS's error shape (`{"__type": "ResourceNotFoundException", "Message": ...}`). `stop()`/`start()` make an
// outage on the same port. Requests are recorded without credentials.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { listenOnLoopback } from './fake-http.js';
import { SignatureV4 } from '@smithy/signature-v4';

export interface FakeSecretsManagerOptions {
  region: string;
  /** The one key pair the double accepts. */
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Secret name -> SecretString (AWSCURRENT). */
  secrets: Record<string, string>;
}

export interface RecordedAwsRequest {
  target: string | undefined;
  secretId?: string;
  /** Why the request was refused before it reached the secret (empty when it was accepted). */
  refused?: string;
  /** The SigV4 pieces as sent (no signature, no secret). */
  accessKeyId?: string;
  scope?: string;
  signedHeaders?: string[];
}

export interface FakeSecretsManager {
  url: string;
  requests: RecordedAwsRequest[];
  /** Changeable while running (a rotated secret). */
  secrets: Record<string, string>;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

const AUTH = /^AWS4-HMAC-SHA256 Credential=([A-Z0-9]{16,128})\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request, ?SignedHeaders=([a-z0-9-]+(?:;[a-z0-9-]+)*), ?Signature=([0-9a-f]{64})$/;

/** Node's SHA-256 and HMAC-SHA-256 behind the hash interface AWS's signer takes (no crypto of our own). */
class NodeSha256 {
  private readonly h;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.h = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.h.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.h.digest());
  }
}

export async function startFakeSecretsManager(opts: FakeSecretsManagerOptions): Promise<FakeSecretsManager> {
  const requests: RecordedAwsRequest[] = [];
  const secrets = opts.secrets;
  const signer = new SignatureV4({ credentials: opts.credentials, region: opts.region, service: 'secretsmanager', sha256: NodeSha256 });

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void handle(req, Buffer.concat(chunks).toString('utf8'), res).catch((e) => error(res, 500, 'InternalServiceError', (e as Error).message)));
  });

  async function handle(req: IncomingMessage, body: string, res: ServerResponse): Promise<void> {
    const target = header(req, 'x-amz-target');
    const rec: RecordedAwsRequest = { target };
    requests.push(rec);
    const refuse = (status: number, type: string, message: string) => {
      rec.refused = type;
      error(res, status, type, message);
    };
    if (req.method !== 'POST' || (req.url ?? '/') !== '/') return refuse(404, 'UnknownOperationException', 'not found');
    if (header(req, 'content-type') !== 'application/x-amz-json-1.1') return refuse(400, 'SerializationException', 'Content-Type must be application/x-amz-json-1.1');

    // SigV4, as AWS checks it.
    const auth = AUTH.exec(header(req, 'authorization') ?? '');
    if (!auth) return refuse(400, 'IncompleteSignatureException', 'Authorization header requires Credential, SignedHeaders and Signature (AWS4-HMAC-SHA256).');
    const [, akid, day, region, service, signed, signature] = auth as unknown as [string, string, string, string, string, string, string];
    Object.assign(rec, { accessKeyId: akid, scope: `${day}/${region}/${service}`, signedHeaders: signed.split(';') });
    const amzDate = header(req, 'x-amz-date') ?? '';
    if (!/^\d{8}T\d{6}Z$/.test(amzDate) || !amzDate.startsWith(day)) return refuse(400, 'IncompleteSignatureException', 'X-Amz-Date is missing or does not match the credential scope date.');
    for (const h of ['host', 'x-amz-date', 'x-amz-target']) {
      if (!rec.signedHeaders!.includes(h)) return refuse(400, 'IncompleteSignatureException', `the ${h} header must be signed`);
    }
    if (akid !== opts.credentials.accessKeyId) return refuse(400, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
    if (region !== opts.region || service !== 'secretsmanager') return refuse(403, 'InvalidSignatureException', `Credential should be scoped to a valid region and to service secretsmanager.`);
    const at = new Date(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
    if (Math.abs(at.getTime() - Date.now()) > 15 * 60_000) return refuse(403, 'InvalidSignatureException', 'Signature expired.');
    const host = header(req, 'host') ?? '';
    const [hostname, port] = host.split(':');
    const headers: Record<string, string> = {};
    for (const h of rec.signedHeaders!) headers[h] = header(req, h) ?? '';
    const expected = await signer.sign(
      { method: 'POST', protocol: 'http:', hostname: hostname!, port: port ? Number(port) : undefined, path: '/', query: {}, headers, body },
      { signingDate: at },
    );
    const want = /Signature=([0-9a-f]{64})/.exec(String(expected.headers.authorization ?? expected.headers.Authorization))?.[1];
    if (want !== signature) return refuse(403, 'InvalidSignatureException', 'The request signature we calculated does not match the signature you provided.');

    if (target !== 'secretsmanager.GetSecretValue') return refuse(400, 'UnknownOperationException', 'unknown operation');
    let input: { SecretId?: unknown; VersionStage?: unknown };
    try {
      input = JSON.parse(body) as typeof input;
    } catch {
      return refuse(400, 'SerializationException', 'the body is not JSON');
    }
    if (typeof input.SecretId !== 'string' || input.SecretId === '') return refuse(400, 'InvalidParameterException', 'SecretId is required.');
    rec.secretId = input.SecretId;
    const stage = typeof input.VersionStage === 'string' ? input.VersionStage : 'AWSCURRENT';
    if (!Object.hasOwn(secrets, input.SecretId) || stage !== 'AWSCURRENT') return refuse(400, 'ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
    const name = input.SecretId;
    send(res, 200, {
      ARN: `arn:aws:secretsmanager:${opts.region}:123456789012:secret:${name}-AbCdEf`,
      Name: name,
      VersionId: createHash('sha256').update(secrets[name]!).digest('hex').slice(0, 32).replace(/(.{8})(.{4})(.{4})(.{4})(.{12})/, '$1-$2-$3-$4-$5'),
      SecretString: secrets[name],
      VersionStages: ['AWSCURRENT'],
      CreatedDate: 1767225600.0,
    });
  }

  const listener = await listenOnLoopback(server);
  return {
    url: listener.url,
    requests,
    secrets,
    stop: listener.stop,
    start: listener.start,
    close: listener.stop,
  };
}

function bytes(d: string | ArrayBuffer | ArrayBufferView): Buffer {
  if (typeof d === 'string') return Buffer.from(d, 'utf8');
  if (d instanceof ArrayBuffer) return Buffer.from(d);
  return Buffer.from(d.buffer, d.byteOffset, d.byteLength);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID(), 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function error(res: ServerResponse, status: number, type: string, message: string): void {
  const text = JSON.stringify({ __type: type, Message: message });
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID(), 'x-amzn-errortype': type, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
