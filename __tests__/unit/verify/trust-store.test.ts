import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createCodeSigningPki,
  createRootCa,
  createSelfSignedSigner,
  createTsaPki,
  type CodeSigningPki,
  type IssuedCert,
  type TsaPki,
} from '../../../testbed/pki.js'
import { TrustStoreError } from '../../../src/verify/errors.js'
import {
  buildTrustStore,
  hasTsaStore,
  trustedCertificateProblem,
  trustedCertificatesFor,
} from '../../../src/verify/trust-store.js'
import {
  certificatesFromBytes,
  loadInlineTrustStore,
  loadTrustStore,
  loadTrustStoreDirectory,
} from '../../../src/verify/trust-store-load.js'

let pki: CodeSigningPki
let selfSigned: IssuedCert
let tsa: TsaPki
let otherRoot: IssuedCert
const globalSignRoot = new Uint8Array(
  readFileSync(path.join(import.meta.dirname, '../../fixtures/notation/globalsignRoot.cer')),
)

beforeAll(async () => {
  pki = await createCodeSigningPki({ keyKind: 'ec256' })
  selfSigned = await createSelfSignedSigner('ec256')
  tsa = await createTsaPki({ keyKind: 'ec256' })
  otherRoot = await createRootCa()
})

describe('trustedCertificateProblem (§3.4)', () => {
  it('accepts CA certificates in every store type that allows them', () => {
    expect(trustedCertificateProblem(pki.root.der, 'ca')).toBeUndefined()
    expect(trustedCertificateProblem(pki.intermediate.der, 'ca')).toBeUndefined()
    expect(trustedCertificateProblem(pki.root.der, 'signingAuthority')).toBeUndefined()
  })
  it('accepts a self-signed non-CA signing certificate in ca', () => {
    expect(trustedCertificateProblem(selfSigned.der, 'ca')).toBeUndefined()
  })
  it('rejects a leaf that is neither CA nor self-signed', () => {
    expect(trustedCertificateProblem(pki.leaf.der, 'ca')).toMatch(
      /is not a CA certificate or self-signed signing certificate/,
    )
  })
  it('tsa: accepts only self-signed root CAs', () => {
    expect(trustedCertificateProblem(tsa.root.der, 'tsa')).toBeUndefined()
    expect(trustedCertificateProblem(globalSignRoot, 'tsa')).toBeUndefined()
    expect(trustedCertificateProblem(pki.intermediate.der, 'tsa')).toMatch(
      /is not a root CA certificate/,
    )
    // self-signed but v3 without basicConstraints: Go's CheckSignatureFrom refuses it as a parent
    expect(trustedCertificateProblem(selfSigned.der, 'tsa')).toMatch(/is not a root CA certificate/)
  })
  it('rejects bytes that are not a certificate', () => {
    expect(trustedCertificateProblem(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]), 'ca')).toMatch(
      /not a valid X.509 certificate/,
    )
  })
})

describe('buildTrustStore', () => {
  it('builds the three maps', () => {
    const store = buildTrustStore([
      { type: 'ca', name: 'acme', certificates: [{ der: pki.root.der, source: 'a' }] },
      { type: 'tsa', name: 'tsa', certificates: [{ der: tsa.root.der, source: 'b' }] },
      { type: 'signingAuthority', name: 'sa', certificates: [] },
    ])
    expect(store.ca.get('acme')).toEqual([pki.root.der])
    expect(store.tsa.get('tsa')).toEqual([tsa.root.der])
    expect(store.signingAuthority.get('sa')).toEqual([])
  })
  it('reports every bad name and certificate', () => {
    try {
      buildTrustStore([
        { type: 'ca', name: 'bad name', certificates: [] },
        {
          type: 'ca',
          name: 'ok',
          certificates: [
            { der: pki.leaf.der, source: 'ca:ok[0]' },
            { der: pki.root.der, source: 'ca:ok[1]' },
          ],
        },
        {
          type: 'tsa',
          name: 't',
          certificates: [{ der: pki.intermediate.der, source: 'tsa:t[0]' }],
        },
      ])
      throw new Error('expected failure')
    } catch (err) {
      expect(err).toBeInstanceOf(TrustStoreError)
      expect((err as TrustStoreError).code).toBe('TRUST_STORE_INVALID')
      expect((err as TrustStoreError).problems.map((p) => p.path)).toEqual([
        'ca:bad name',
        'ca:ok[0]',
        'tsa:t[0]',
      ])
    }
  })
})

describe('trustedCertificatesFor (notation loadX509TrustStoresWithType)', () => {
  const store = (): ReturnType<typeof buildTrustStore> =>
    buildTrustStore([
      { type: 'ca', name: 'a', certificates: [{ der: pki.root.der, source: 'x' }] },
      { type: 'ca', name: 'b', certificates: [{ der: otherRoot.der, source: 'y' }] },
      { type: 'ca', name: 'empty', certificates: [] },
      { type: 'tsa', name: 'a', certificates: [{ der: tsa.root.der, source: 'z' }] },
    ])
  it('collects each referenced store of the type once, in order', () => {
    const r = trustedCertificatesFor(
      store(),
      [
        { type: 'ca', name: 'b' },
        { type: 'tsa', name: 'a' },
        { type: 'ca', name: 'a' },
        { type: 'ca', name: 'b' },
      ],
      'ca',
    )
    expect(r).toEqual({ ok: true, certificates: [otherRoot.der, pki.root.der] })
  })
  it('no reference of the type gives an empty list', () => {
    expect(
      trustedCertificatesFor(store(), [{ type: 'ca', name: 'a' }], 'signingAuthority'),
    ).toEqual({ ok: true, certificates: [] })
  })
  it('a missing or empty referenced store is TRUST_STORE_NOT_FOUND', () => {
    const missing = trustedCertificatesFor(store(), [{ type: 'ca', name: 'nope' }], 'ca')
    expect(missing).toMatchObject({
      ok: false,
      error: {
        code: 'TRUST_STORE_NOT_FOUND',
        // notation's words, then the stores that do exist (issue 12)
        message:
          'the trust store "nope" of type "ca" does not exist (the trust-store input has ca:a, ca:b, ca:empty, tsa:a)',
      },
    })
    const typo = trustedCertificatesFor(store(), [{ type: 'ca', name: 'EMPTY_' }], 'ca')
    expect(typo.ok === false && typo.error.message).toContain('(did you mean ca:empty?)')
    const empty = trustedCertificatesFor(store(), [{ type: 'ca', name: 'empty' }], 'ca')
    expect(empty).toMatchObject({
      ok: false,
      error: {
        code: 'TRUST_STORE_NOT_FOUND',
        message: expect.stringContaining('no x509 certificates were found'),
      },
    })
  })
  it('hasTsaStore', () => {
    expect(hasTsaStore([{ type: 'ca', name: 'a' }])).toBe(false)
    expect(
      hasTsaStore([
        { type: 'ca', name: 'a' },
        { type: 'tsa', name: 'a' },
      ]),
    ).toBe(true)
  })
})

describe('certificatesFromBytes', () => {
  it('reads PEM with several blocks, DER, and concatenated DER', () => {
    expect(certificatesFromBytes(Buffer.from(pki.root.pem + pki.intermediate.pem))).toEqual([
      pki.root.der,
      pki.intermediate.der,
    ])
    expect(certificatesFromBytes(pki.root.der)).toEqual([pki.root.der])
    expect(certificatesFromBytes(Buffer.concat([pki.root.der, otherRoot.der]))).toEqual([
      pki.root.der,
      otherRoot.der,
    ])
  })
  it('rejects a PEM key, garbage and empty input', () => {
    expect(() => certificatesFromBytes(Buffer.from(pki.root.privateKeyPem))).toThrow(
      /is not a certificate/,
    )
    expect(() => certificatesFromBytes(Buffer.from('hello'))).toThrow(/neither PEM nor DER/)
    expect(() => certificatesFromBytes(new Uint8Array())).toThrow(/no certificates/)
  })
})

describe('loaders (file system edge)', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'verify-ts-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  async function notationLayout(root: string): Promise<string> {
    const x509 = path.join(root, 'x509')
    await mkdir(path.join(x509, 'ca', 'acme'), { recursive: true })
    await mkdir(path.join(x509, 'tsa', 'stamp'), { recursive: true })
    await mkdir(path.join(x509, 'signingAuthority', 'sa'), { recursive: true })
    await writeFile(path.join(x509, 'ca', 'acme', 'root.pem'), pki.root.pem + otherRoot.pem)
    await writeFile(path.join(x509, 'ca', 'acme', 'self.der'), selfSigned.der)
    await writeFile(path.join(x509, 'tsa', 'stamp', 'globalsign.cer'), globalSignRoot)
    await writeFile(path.join(x509, 'signingAuthority', 'sa', 'r.crt'), pki.root.pem)
    return root
  }

  // Issue 11 item 7: the yaml library's "Excessive alias count" ReferenceError was uncoded.
  it('an inline YAML alias bomb is TRUST_STORE_INVALID naming trust-store', async () => {
    const bomb = [
      'x: &a ["p","p","p","p","p","p","p","p","p","p"]',
      ...Array.from({ length: 8 }, (_, i) => {
        const prev = i === 0 ? 'a' : `l${i - 1}`
        return `y${i}: &l${i} [${Array.from({ length: 10 }, () => `*${prev}`).join(',')}]`
      }),
    ].join('\n')
    const err = await loadInlineTrustStore(bomb).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(TrustStoreError)
    expect((err as TrustStoreError).code).toBe('TRUST_STORE_INVALID')
    expect((err as TrustStoreError).message).toContain('trust-store: YAML aliases')
  })

  it("reads notation's layout from the truststore dir or its parent", async () => {
    const root = await notationLayout(path.join(dir, 'cfg', 'truststore'))
    for (const given of [root, path.dirname(root)]) {
      const store = await loadTrustStoreDirectory(given)
      expect(store.ca.get('acme')).toEqual([pki.root.der, otherRoot.der, selfSigned.der])
      expect(store.tsa.get('stamp')).toEqual([globalSignRoot])
      expect(store.signingAuthority.get('sa')).toEqual([pki.root.der])
    }
    const viaAuto = await loadTrustStore('truststore', { baseDir: path.join(dir, 'cfg') })
    expect(viaAuto.ca.get('acme')?.length).toBe(3)
  })

  it('rejects sub-directories, symlinks, non-certificate files and bad certificates, all at once', async () => {
    const root = await notationLayout(path.join(dir, 'bad'))
    const acme = path.join(root, 'x509', 'ca', 'acme')
    await mkdir(path.join(acme, 'sub'))
    await symlink(path.join(acme, 'root.pem'), path.join(acme, 'link.pem'))
    await writeFile(path.join(acme, 'notes.txt'), 'hello')
    await writeFile(path.join(acme, 'leaf.pem'), pki.leaf.pem)
    await symlink(path.join(root, 'x509', 'ca', 'acme'), path.join(root, 'x509', 'ca', 'linked'))
    try {
      await loadTrustStoreDirectory(root)
      throw new Error('expected failure')
    } catch (err) {
      expect(err).toBeInstanceOf(TrustStoreError)
      const problems = (err as TrustStoreError).problems
      expect(problems).toEqual(
        expect.arrayContaining([
          {
            path: 'x509/ca/acme/sub',
            message: expect.stringContaining(
              'is not a regular file (directories or symlinks are not supported)',
            ),
          },
          {
            path: 'x509/ca/acme/link.pem',
            message: expect.stringContaining('is not a regular file'),
          },
          {
            path: 'x509/ca/acme/notes.txt',
            message: expect.stringContaining('neither PEM nor DER'),
          },
          {
            path: 'x509/ca/acme/leaf.pem',
            message: expect.stringContaining('is not a CA certificate or self-signed'),
          },
          {
            path: 'x509/ca/linked',
            message: expect.stringContaining(
              'is not a regular directory (symlinks are not supported)',
            ),
          },
        ]),
      )
      expect(problems).toHaveLength(5)
    }
  })

  it('with a store filter, reads only the stores the policy names (as notation does)', async () => {
    const root = await notationLayout(path.join(dir, 'filtered'))
    await mkdir(path.join(root, 'x509', 'ca', 'broken'))
    await writeFile(path.join(root, 'x509', 'ca', 'broken', 'junk'), 'junk')
    const store = await loadTrustStoreDirectory(root, {
      stores: [
        { type: 'ca', name: 'acme' },
        { type: 'ca', name: 'absent' },
      ],
    })
    expect([...store.ca.keys()]).toEqual(['acme'])
    expect(store.tsa.size).toBe(0)
  })

  it('a trust-store directory reached through symlinks works; a symlinked store still does not (notation)', async () => {
    const real = await notationLayout(path.join(dir, 'real-config', 'truststore'))
    // The input itself is a symlink (e.g. a notation config directory linked into the workspace).
    await symlink(path.dirname(real), path.join(dir, 'linked-config'))
    const viaLink = await loadTrustStore(path.join(dir, 'linked-config'), {
      stores: [{ type: 'ca', name: 'acme' }],
    })
    expect(viaLink.ca.get('acme')).toEqual([pki.root.der, otherRoot.der, selfSigned.der])
    // `truststore` and `x509` themselves may be symlinks too; only the last element is Lstat-ed.
    await mkdir(path.join(dir, 'outer'))
    await symlink(path.join(real, 'x509'), path.join(dir, 'outer', 'x509'))
    const viaX509Link = await loadTrustStore(path.join(dir, 'outer'))
    expect(viaX509Link.tsa.get('stamp')).toEqual([globalSignRoot])
    await symlink(path.join(real, 'x509', 'ca', 'acme'), path.join(real, 'x509', 'ca', 'linked'))
    await expect(
      loadTrustStore(path.join(dir, 'linked-config'), { stores: [{ type: 'ca', name: 'linked' }] }),
    ).rejects.toMatchObject({
      code: 'TRUST_STORE_INVALID',
      message: expect.stringContaining('is not a regular directory (symlinks are not supported)'),
    })
  })

  it('lists the stores that exist and names the right place for a certificate one level too high', async () => {
    const root = path.join(dir, 'too-high')
    await mkdir(path.join(root, 'x509', 'ca', 'mock-as'), { recursive: true })
    await writeFile(path.join(root, 'x509', 'ca', 'mock-as', 'root.pem'), pki.root.pem)
    await mkdir(path.join(root, 'x509', 'tsa'), { recursive: true })
    await writeFile(path.join(root, 'x509', 'tsa', 'tsa-root.pem'), tsa.root.pem)
    const wanted = [
      { type: 'ca', name: 'mock_as' },
      { type: 'tsa', name: 'stamp' },
    ] as const
    const store = await loadTrustStoreDirectory(root, { stores: wanted })
    expect(store.inventory).toEqual({
      stores: ['ca:mock-as'],
      misplaced: ['x509/tsa/tsa-root.pem'],
    })
    const ca = trustedCertificatesFor(store, wanted, 'ca')
    expect(ca.ok === false && ca.error.code).toBe('TRUST_STORE_NOT_FOUND')
    expect(ca.ok === false && ca.error.message).toContain(
      'the trust store "mock_as" of type "ca" does not exist (did you mean ca:mock-as?) (the trust-store input has ca:mock-as;',
    )
    const stamp = trustedCertificatesFor(store, wanted, 'tsa')
    expect(stamp.ok === false && stamp.error.message).toContain(
      'x509/tsa/tsa-root.pem is a file where a store directory belongs: certificates go one level deeper, in x509/<type>/<name>/ (e.g. x509/tsa/stamp/tsa-root.pem)',
    )
    // Without a store filter the misplaced file is itself a problem, with the same hint.
    await expect(loadTrustStoreDirectory(root)).rejects.toMatchObject({
      code: 'TRUST_STORE_INVALID',
      message: expect.stringContaining(
        `${path.join('x509', 'tsa', 'tsa-root.pem')}: is a file where a store directory belongs: certificates go one level deeper, in a named store, e.g. ${path.join('x509', 'tsa', '<name>', 'tsa-root.pem')}`,
      ),
    })
  })

  it('a single-line input that is no directory and no mapping is reported as such', async () => {
    await expect(loadTrustStore('./no-such-dir', { baseDir: dir })).rejects.toMatchObject({
      code: 'TRUST_STORE_INVALID',
      message: expect.stringContaining(
        'is neither a trust-store directory or mapping file (not found) nor a "type:name" mapping',
      ),
    })
  })

  it('a single-line input naming a file reads the inline mapping from it, paths relative to it', async () => {
    await mkdir(path.join(dir, 'mapping'), { recursive: true })
    await writeFile(path.join(dir, 'mapping', 'root.pem'), pki.root.pem)
    await writeFile(path.join(dir, 'mapping', 'store.yaml'), 'ca:acme: [./root.pem]\n')
    const store = await loadTrustStore('./mapping/store.yaml', { baseDir: dir })
    expect(store.ca.get('acme')).toHaveLength(1)
  })

  it('a directory without x509/ is an error', async () => {
    await mkdir(path.join(dir, 'empty'))
    await expect(loadTrustStoreDirectory(path.join(dir, 'empty'))).rejects.toMatchObject({
      code: 'TRUST_STORE_INVALID',
    })
  })

  it('reads an inline mapping of PEM blocks and relative file paths', async () => {
    await mkdir(path.join(dir, 'ws', 'certs'), { recursive: true })
    await writeFile(path.join(dir, 'ws', 'certs', 'root.pem'), pki.root.pem)
    await writeFile(path.join(dir, 'ws', 'certs', 'tsa.der'), tsa.root.der)
    const yaml = `ca:acme: [./certs/root.pem]
tsa:stamp: certs/tsa.der
signingAuthority:inline: |
${otherRoot.pem.replace(/^/gm, '  ')}`
    const store = await loadInlineTrustStore(yaml, { baseDir: path.join(dir, 'ws') })
    expect(store.ca.get('acme')).toEqual([pki.root.der])
    expect(store.tsa.get('stamp')).toEqual([tsa.root.der])
    expect(store.signingAuthority.get('inline')).toEqual([otherRoot.der])
    const json = JSON.stringify({ 'ca:acme': [pki.root.pem] })
    expect((await loadTrustStore(json)).ca.get('acme')).toEqual([pki.root.der])
  })

  it('inline mapping: reports bad keys, names, missing files and bad certificates', async () => {
    const yaml = `x509:acme: [a.pem]
ca:bad name: [a.pem]
ca:missing: [./nope.pem]
ca:leaf:
  - |
${pki.leaf.pem.replace(/^/gm, '    ')}
ca:empty: []
`
    try {
      await loadInlineTrustStore(yaml, { baseDir: dir })
      throw new Error('expected failure')
    } catch (err) {
      expect((err as TrustStoreError).problems.map((p) => p.path)).toEqual([
        'x509:acme',
        'ca:bad name',
        'ca:missing[0] (./nope.pem)',
        'ca:empty',
        'ca:leaf[0]',
      ])
    }
  })
})
