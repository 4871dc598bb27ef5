import { EMPTY_PAYLOAD_SHA256, sha256Hex, signV4 } from '../../media/s3-signature';

// The worked examples of AWS's "Signature Calculations for the Authorization Header" page for S3.
const credentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
  service: 's3',
};
const at = new Date('2013-05-24T00:00:00Z');
const host = 'https://examplebucket.s3.amazonaws.com';

describe('signV4', () => {
  it('reproduces the GET Object example with a Range header, step by step', () => {
    const signed = signV4(
      { method: 'GET', url: new URL(`${host}/test.txt`), headers: { Range: 'bytes=0-9' }, payloadHash: EMPTY_PAYLOAD_SHA256 },
      credentials,
      at,
    );
    expect(signed.canonicalRequest).toBe(
      [
        'GET',
        '/test.txt',
        '',
        'host:examplebucket.s3.amazonaws.com',
        'range:bytes=0-9',
        `x-amz-content-sha256:${EMPTY_PAYLOAD_SHA256}`,
        'x-amz-date:20130524T000000Z',
        '',
        'host;range;x-amz-content-sha256;x-amz-date',
        EMPTY_PAYLOAD_SHA256,
      ].join('\n'),
    );
    expect(signed.stringToSign).toBe(
      [
        'AWS4-HMAC-SHA256',
        '20130524T000000Z',
        '20130524/us-east-1/s3/aws4_request',
        '7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972',
      ].join('\n'),
    );
    expect(signed.signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
    expect(signed.headers).toEqual({
      Range: 'bytes=0-9',
      'x-amz-date': '20130524T000000Z',
      'x-amz-content-sha256': EMPTY_PAYLOAD_SHA256,
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    });
  });

  it('reproduces the PUT Object example: a signed body hash and a key that needs encoding', () => {
    const body = Buffer.from('Welcome to Amazon S3.');
    expect(sha256Hex(body)).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072');
    const signed = signV4(
      {
        method: 'PUT',
        url: new URL(`${host}/test$file.text`),
        headers: { Date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
        payloadHash: sha256Hex(body),
      },
      credentials,
      at,
    );
    expect(signed.canonicalRequest.split('\n')[1]).toBe('/test%24file.text');
    expect(sha256Hex(signed.canonicalRequest)).toBe('9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d');
    expect(signed.signature).toBe('98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd');
  });

  it('reproduces the GET Bucket Lifecycle example: a query key without a value', () => {
    const signed = signV4(
      { method: 'GET', url: new URL(`${host}/?lifecycle`), headers: {}, payloadHash: EMPTY_PAYLOAD_SHA256 },
      credentials,
      at,
    );
    expect(signed.canonicalRequest.split('\n').slice(0, 3)).toEqual(['GET', '/', 'lifecycle=']);
    expect(signed.signature).toBe('fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543');
  });

  it('reproduces the GET Bucket (List Objects) example: query parameters sorted by name', () => {
    const signed = signV4(
      { method: 'GET', url: new URL(`${host}/?prefix=J&max-keys=2`), headers: {}, payloadHash: EMPTY_PAYLOAD_SHA256 },
      credentials,
      at,
    );
    expect(signed.canonicalRequest.split('\n')[2]).toBe('max-keys=2&prefix=J');
    expect(sha256Hex(signed.canonicalRequest)).toBe('df57d21db20da04d7fa30298dd4488ba3a2b47ca3a489c74750e0f1e7df1b9b7');
    expect(signed.signature).toBe('34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7');
  });

  it('signs the port in host, reads + in a query literally and encodes query values the AWS way', () => {
    const signed = signV4(
      {
        method: 'GET',
        url: new URL('http://minio:9000/media?list-type=2&continuation-token=a%2Bb%2F%3D&prefix=x%20y(1)&q=a+b'),
        headers: {},
        payloadHash: EMPTY_PAYLOAD_SHA256,
      },
      { ...credentials, region: 'eu-west-1' },
      at,
    );
    const [, path, query, hostLine] = signed.canonicalRequest.split('\n');
    expect(path).toBe('/media');
    expect(query).toBe('continuation-token=a%2Bb%2F%3D&list-type=2&prefix=x%20y%281%29&q=a%2Bb');
    expect(hostLine).toBe('host:minio:9000');
    expect(signed.headers.authorization).toContain('Credential=AKIAIOSFODNN7EXAMPLE/20130524/eu-west-1/s3/aws4_request,');
  });

  it('trims header values and collapses runs of spaces before signing', () => {
    const sign = (value: string) =>
      signV4(
        { method: 'PUT', url: new URL(`${host}/a`), headers: { 'Content-Type': value }, payloadHash: EMPTY_PAYLOAD_SHA256 },
        credentials,
        at,
      );
    expect(sign('  image/webp   ').signature).toBe(sign('image/webp').signature);
    expect(sign('text/plain;   charset=utf-8').canonicalRequest).toContain('\ncontent-type:text/plain; charset=utf-8\n');
  });
});
