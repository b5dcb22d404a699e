import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { PolicyError, type Problem } from '../../../src/verify/errors.js'
import {
  parseTrustPolicy,
  type PolicyParseOptions,
  registryScopeProblem,
  selectPolicy,
  validateTrustPolicy,
} from '../../../src/verify/policy.js'
import { policyDoc, statement } from '../../helpers/verify-policy.js'

function problemsOf(raw: unknown): Problem[] {
  try {
    validateTrustPolicy(raw)
  } catch (err) {
    expect(err).toBeInstanceOf(PolicyError)
    expect((err as PolicyError).code).toBe('POLICY_INVALID')
    return [...(err as PolicyError).problems]
  }
  throw new Error('expected the policy to be rejected')
}

const expectProblem = (raw: unknown, path: string, message: string): void => {
  expect(problemsOf(raw)).toContainEqual({ path, message: expect.stringContaining(message) })
}

describe('parseTrustPolicy: accepted documents', () => {
  it('parses the notation-go timestamp test policy', () => {
    const doc = parseTrustPolicy(
      '{"version": "1.0", "trustPolicies": [{"name": "test-timestamp", "registryScopes": ["*"], "signatureVerification": {"level": "strict", "verifyTimestamp": "always"}, "trustStores": ["ca:valid-trust-store", "tsa:test-timestamp"], "trustedIdentities": ["*"]}]}',
    )
    const st = doc.trustPolicies[0]
    expect(st).toMatchObject({
      name: 'test-timestamp',
      registryScopes: ['*'],
      signatureVerification: { level: 'strict', override: {}, verifyTimestamp: 'always' },
      verificationLevel: { name: 'strict' },
      trustStores: [
        { type: 'ca', name: 'valid-trust-store' },
        { type: 'tsa', name: 'test-timestamp' },
      ],
      identities: { wildcard: true },
    })
  })

  it('parses the real notation e2e policy files', async () => {
    const { readFileSync, readdirSync } = await import('node:fs')
    const dir = path.join(import.meta.dirname, '../../fixtures/notation/trustpolicies')
    for (const f of readdirSync(dir)) {
      const doc = parseTrustPolicy(readFileSync(`${dir}/${f}`, 'utf8'), { source: f })
      expect(doc.trustPolicies.length).toBeGreaterThan(0)
    }
  })

  it('accepts the same policy in YAML', () => {
    const doc = parseTrustPolicy(`
version: "1.0"
trustPolicies:
  - name: app
    registryScopes: [ghcr.io/acme/app, localhost:5000/net-monitor]
    signatureVerification:
      level: permissive
      override: { revocation: skip }
      verifyTimestamp: afterCertExpiry
    trustStores: [ca:acme, tsa:digicert]
    trustedIdentities:
      - "x509.subject: C=US, ST=WA, O=Acme"
`)
    expect(doc.trustPolicies[0]).toMatchObject({
      registryScopes: ['ghcr.io/acme/app', 'localhost:5000/net-monitor'],
      signatureVerification: {
        level: 'permissive',
        override: { revocation: 'skip' },
        verifyTimestamp: 'afterCertExpiry',
      },
      verificationLevel: {
        name: 'custom',
        enforcement: {
          integrity: 'enforce',
          authenticity: 'enforce',
          authenticTimestamp: 'log',
          expiry: 'log',
          revocation: 'skip',
        },
      },
    })
  })

  it('decodes like Go encoding/json: case-insensitive field names, unknown fields ignored, null is empty', () => {
    const doc = validateTrustPolicy({
      Version: '1.0',
      comment: 'ignored',
      TRUSTPOLICIES: [
        {
          NAME: 'a',
          registryscopes: ['r.io/a'],
          SignatureVerification: { LEVEL: 'skip', override: null },
          trustStores: null,
          trustedIdentities: null,
        },
      ],
    })
    expect(doc.trustPolicies[0]).toMatchObject({
      name: 'a',
      verificationLevel: { name: 'skip' },
      trustStores: [],
    })
  })

  it('skip with explicit scopes is fine', () => {
    const doc = validateTrustPolicy(
      policyDoc(
        statement({
          signatureVerification: { level: 'skip' },
          trustStores: [],
          trustedIdentities: undefined,
        }),
      ),
    )
    expect(doc.trustPolicies[0]?.verificationLevel.name).toBe('skip')
  })
})

describe('parseTrustPolicy: every rule, with its JSON path', () => {
  const problemOfText = (text: string, options: PolicyParseOptions = {}): string => {
    try {
      parseTrustPolicy(text, options)
    } catch (err) {
      expect(err).toBeInstanceOf(PolicyError)
      expect((err as PolicyError).code).toBe('POLICY_INVALID')
      return (err as PolicyError).problems[0]?.message ?? ''
    }
    throw new Error('expected the policy text to be rejected')
  }
  it('rejects text that is neither JSON nor YAML', () => {
    expect(problemOfText('{"version": "1.0",')).toContain('not valid JSON')
    expect(problemOfText('version: [1.0')).toContain('not valid JSON or YAML')
  })
  // Issue 11 item 8: text that starts with `{` (and any *.json file) is strict JSON, as notation
  // reads trustpolicy.json with Go's encoding/json; YAML only where the user wrote YAML.
  const GOOD = JSON.stringify(policyDoc(statement()))
  it.each([
    ['a trailing comma', GOOD.replace(/\}$/, ',}')],
    ['a NUL byte after the document', `${GOOD}\u0000`],
    ['a raw NUL inside a string', GOOD.replace('"1.0"', '"1.0\u0000"')],
    ['a byte order mark', `\uFEFF${GOOD}`],
    ['a YAML comment', `${GOOD} # comment`],
    ['single-quoted strings', GOOD.replace('"1.0"', "'1.0'")],
  ])('strict JSON refuses %s', (_name, text) => {
    expect(problemOfText(text, { format: 'json' })).toContain('not valid JSON')
  })
  it('text starting with { is read as JSON by default (a trailing comma fails)', () => {
    expect(problemOfText(GOOD.replace(/\}$/, ',}'))).toContain('not valid JSON:')
    expect(parseTrustPolicy(GOOD).trustPolicies).toHaveLength(1)
  })
  it('YAML stays YAML, and a YAML alias bomb is a coded error', () => {
    expect(parseTrustPolicy(GOOD, { format: 'yaml' }).trustPolicies).toHaveLength(1)
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
      ...Array.from({ length: 8 }, (_, i) => {
        const prev = i === 0 ? 'a' : `l${i - 1}`
        return `l${i}: &l${i} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`
      }),
    ].join('\n')
    expect(problemOfText(bomb, { source: 'trust-policy' })).toContain('YAML aliases expand')
  })
  it('rejects a document that is not an object', () => {
    expect(problemsOf(['x'])).toEqual([
      { path: '', message: expect.stringContaining('must be a JSON object') },
    ])
  })
  it('version: empty, unsupported, wrong type', () => {
    expectProblem({ trustPolicies: [statement()] }, 'version', 'empty version')
    expectProblem(
      { version: '2.0', trustPolicies: [statement()] },
      'version',
      'unsupported version "2.0"',
    )
    expect(() => parseTrustPolicy('version: 1.0\ntrustPolicies: []')).toThrow(
      expect.objectContaining({
        problems: expect.arrayContaining([
          { path: 'version', message: 'expected a string, got number 1 (quote it in YAML)' },
        ]),
      }),
    )
  })
  it('trustPolicies: missing, empty, wrong type', () => {
    expectProblem({ version: '1.0' }, 'trustPolicies', 'zero trust policy statements')
    expectProblem(
      { version: '1.0', trustPolicies: [] },
      'trustPolicies',
      'zero trust policy statements',
    )
    expectProblem(
      { version: '1.0', trustPolicies: {} },
      'trustPolicies',
      'expected an array of statements, got a mapping',
    )
  })
  it('name: missing and duplicate', () => {
    expectProblem(
      policyDoc(statement({ name: undefined })),
      'trustPolicies[0].name',
      'missing a name',
    )
    expectProblem(
      policyDoc(statement(), statement({ registryScopes: ['registry.example/other'] })),
      'trustPolicies[1].name',
      'multiple oci trust policy statements use the same name "app"',
    )
  })
  it('level: missing, unknown; verifyTimestamp unknown', () => {
    expectProblem(
      policyDoc(statement({ signatureVerification: {} })),
      'trustPolicies[0].signatureVerification.level',
      'empty or missing',
    )
    expectProblem(
      policyDoc(statement({ signatureVerification: { level: 'paranoid' } })),
      'trustPolicies[0].signatureVerification.level',
      'invalid signature verification level "paranoid"',
    )
    expectProblem(
      policyDoc(
        statement({ signatureVerification: { level: 'strict', verifyTimestamp: 'never' } }),
      ),
      'trustPolicies[0].signatureVerification.verifyTimestamp',
      'verifyTimestamp must be "always" or "afterCertExpiry", but got "never"',
    )
  })
  it('override: problems carry the override key path', () => {
    expectProblem(
      policyDoc(
        statement({ signatureVerification: { level: 'strict', override: { integrity: 'log' } } }),
      ),
      'trustPolicies[0].signatureVerification.override.integrity',
      'can not be overridden',
    )
    expectProblem(
      policyDoc(
        statement({
          signatureVerification: { level: 'skip', override: { revocation: 'log' } },
          trustStores: [],
          trustedIdentities: [],
        }),
      ),
      'trustPolicies[0].signatureVerification.override',
      `"skip" can't be used to customize`,
    )
    expectProblem(
      policyDoc(statement({ signatureVerification: { level: 'strict', override: { expiry: 1 } } })),
      'trustPolicies[0].signatureVerification.override.expiry',
      'expected a string, got number 1',
    )
  })
  // Issue 11 item 5: a `__proto__` override key was an assignment that dropped it silently.
  it('override: a __proto__ key is an unsupported verification type, not dropped', () => {
    const raw = JSON.parse(
      '{"version":"1.0","trustPolicies":[{"name":"p","registryScopes":["*"],"signatureVerification":{"level":"strict","override":{"__proto__":"log"}},"trustStores":["ca:s"],"trustedIdentities":["*"]}]}',
    ) as unknown
    expectProblem(
      raw,
      'trustPolicies[0].signatureVerification.override.__proto__',
      'verification type "__proto__" in custom signature verification is not supported',
    )
  })
  it('skip: trust stores and identities must be absent', () => {
    const problems = problemsOf(policyDoc(statement({ signatureVerification: { level: 'skip' } })))
    expect(problems).toEqual([
      {
        path: 'trustPolicies[0].trustStores',
        message: expect.stringContaining(
          'set to skip signature verification but configured with trust stores',
        ),
      },
      {
        path: 'trustPolicies[0].trustedIdentities',
        message: expect.stringContaining(
          'set to skip signature verification but configured with trusted identities',
        ),
      },
    ])
  })
  it('skip with registry scope "*" is rejected (spec §9 row 8; stricter than notation)', () => {
    expectProblem(
      policyDoc(
        statement({
          registryScopes: ['*'],
          signatureVerification: { level: 'skip' },
          trustStores: [],
          trustedIdentities: [],
        }),
      ),
      'trustPolicies[0].signatureVerification.level',
      'level "skip" cannot be used with registry scope "*"',
    )
  })
  it('non-skip: trust stores and identities are required', () => {
    expectProblem(
      policyDoc(statement({ trustStores: [] })),
      'trustPolicies[0].trustStores',
      'missing trust stores',
    )
    expectProblem(
      policyDoc(statement({ trustedIdentities: undefined })),
      'trustPolicies[0].trustedIdentities',
      'missing trusted identities',
    )
  })
  it('trustStores entries: format, type, name', () => {
    const problems = problemsOf(
      policyDoc(
        statement({
          trustStores: [
            'acme',
            'x509:acme',
            'ca:ac me',
            'ca:',
            'tsa:ok',
            'signingAuthority:a.b_c-1',
            7,
          ],
        }),
      ),
    )
    expect(problems).toEqual([
      {
        path: 'trustPolicies[0].trustStores[6]',
        message: 'expected a string, got number 7 (quote it in YAML)',
      },
      {
        path: 'trustPolicies[0].trustStores[0]',
        message: expect.stringContaining('malformed trust store value "acme"'),
      },
      {
        path: 'trustPolicies[0].trustStores[1]',
        message: expect.stringContaining('unsupported trust store type "x509"'),
      },
      {
        path: 'trustPolicies[0].trustStores[2]',
        message: expect.stringContaining('unsupported trust store name "ac me"'),
      },
      {
        path: 'trustPolicies[0].trustStores[3]',
        message: expect.stringContaining('unsupported trust store name ""'),
      },
      {
        path: 'trustPolicies[0].trustStores[6]',
        message: expect.stringContaining('malformed trust store value ""'),
      },
    ])
  })
  it('trustedIdentities entries: paths point at the bad entry', () => {
    expectProblem(
      policyDoc(statement({ trustedIdentities: ['*', 'x509.subject: C=US, ST=WA, O=A'] })),
      'trustPolicies[0].trustedIdentities',
      `wildcard trusted identity '*'`,
    )
    expectProblem(
      policyDoc(statement({ trustedIdentities: ['x509.subject: C=US, O=A'] })),
      'trustPolicies[0].trustedIdentities[0]',
      'has no mandatory RDN attribute for "ST"',
    )
    expectProblem(
      policyDoc(statement({ trustedIdentities: ['x509.subject: C=US, ST=WA, O=#00'] })),
      'trustPolicies[0].trustedIdentities[0]',
      '"=#"',
    )
    expectProblem(
      policyDoc(
        statement({
          trustedIdentities: [
            'x509.subject: C=US, ST=WA, O=A',
            'x509.subject: C=US, ST=WA, O=A, CN=x',
          ],
        }),
      ),
      'trustPolicies[0].trustedIdentities[0]',
      'overlapping x509 trustedIdentities',
    )
  })
  it('a YAML identity left unquoted becomes a mapping and is reported with a hint', () => {
    const yaml = `version: "1.0"
trustPolicies:
  - name: app
    registryScopes: [r.io/app]
    signatureVerification: { level: strict }
    trustStores: [ca:acme]
    trustedIdentities:
      - x509.subject: C=US, ST=WA, O=Acme
`
    try {
      parseTrustPolicy(yaml)
      throw new Error('expected failure')
    } catch (err) {
      expect((err as PolicyError).problems).toContainEqual({
        path: 'trustPolicies[0].trustedIdentities[0]',
        message: expect.stringContaining('quote entries that contain ": "'),
      })
    }
  })
  it('registryScopes: empty, * with others, bad formats, duplicates across statements', () => {
    expectProblem(
      policyDoc(statement({ registryScopes: [] })),
      'trustPolicies[0].registryScopes',
      'zero registry scopes',
    )
    expectProblem(
      policyDoc(statement({ registryScopes: ['*', 'r.io/a'] })),
      'trustPolicies[0].registryScopes',
      `wildcard registry scope '*' cannot be used in conjunction`,
    )
    const bad = [
      'app',
      'r.io/App',
      'https://r.io/app',
      'r.io/app:v1',
      'r.io/app@sha256:abc',
      'r.io/*',
      '*.r.io/app',
      'r.io/',
      '/app',
      'r_io/app',
    ]
    const problems = problemsOf(policyDoc(statement({ registryScopes: bad })))
    bad.forEach((scope, i) => {
      expect(problems).toContainEqual({
        path: `trustPolicies[0].registryScopes[${i}]`,
        message: expect.stringContaining(`registry scope "${scope}"`),
      })
    })
    expectProblem(
      policyDoc(statement({ registryScopes: ['ghcr'] })),
      'trustPolicies[0].registryScopes[0]',
      '"ghcr" is not a fully qualified repository',
    )
    expectProblem(
      policyDoc(
        statement(),
        statement({ name: 'b', registryScopes: ['r.io/b', 'registry.example/app'] }),
      ),
      'trustPolicies[1].registryScopes[1]',
      'registry scope "registry.example/app" is also present at trustPolicies[0].registryScopes[0]',
    )
    expectProblem(
      policyDoc(
        statement({ registryScopes: ['*'] }),
        statement({ name: 'b', registryScopes: ['*'] }),
      ),
      'trustPolicies[1].registryScopes[0]',
      'registry scope "*" is also present',
    )
  })
  it('reports every problem of a document at once', () => {
    const problems = problemsOf({
      version: '1.1',
      trustPolicies: [
        statement({ name: '', registryScopes: ['bad'] }),
        statement({ trustStores: ['foo:bar'], signatureVerification: { level: 'x' } }),
      ],
    })
    expect(problems.map((p) => p.path)).toEqual([
      'version',
      'trustPolicies[0].name',
      'trustPolicies[1].signatureVerification.level',
      'trustPolicies[1].trustStores[0]',
      'trustPolicies[0].registryScopes[0]',
    ])
  })
  it('the error message lists the problems with their paths', () => {
    try {
      validateTrustPolicy(policyDoc(statement({ registryScopes: ['ghcr'] })), {
        source: 'trustpolicy.json',
      })
    } catch (err) {
      expect((err as Error).message).toContain(
        'trustpolicy.json is invalid (1 problem):\ntrustPolicies[0].registryScopes[0]: registry scope "ghcr" is not a fully qualified repository',
      )
    }
  })
})

describe('registryScopeProblem', () => {
  it.each([
    'localhost:5000/net-monitor',
    'r.io/a/b/c',
    'ghcr.io/acme/app__x',
    'a.b.c:443/x-y.z',
    'local/myOCILayout'.toLowerCase(),
  ])('%s is valid', (s) => {
    expect(registryScopeProblem(s)).toBeUndefined()
  })
})

describe('selectPolicy (§6.5)', () => {
  const doc = validateTrustPolicy(
    policyDoc(
      statement({ name: 'global', registryScopes: ['*'] }),
      statement({
        name: 'exact',
        registryScopes: ['registry.example/app', 'localhost:5000/net-monitor'],
      }),
    ),
  )
  const digest = 'sha256:' + 'a'.repeat(64)
  it('an exact scope beats *', () => {
    expect(selectPolicy(doc, `registry.example/app@${digest}`).name).toBe('exact')
    expect(selectPolicy(doc, `localhost:5000/net-monitor@${digest}`).name).toBe('exact')
  })
  it('falls back to *', () => {
    expect(selectPolicy(doc, `registry.example/other@${digest}`).name).toBe('global')
  })
  it('compares the path literally (no reference normalisation)', () => {
    expect(selectPolicy(doc, `127.0.0.1:5000/net-monitor@${digest}`).name).toBe('global')
  })
  it('no match is POLICY_NOT_APPLICABLE', () => {
    const only = validateTrustPolicy(policyDoc(statement()))
    expect(() => selectPolicy(only, `registry.example/other@${digest}`)).toThrow(
      expect.objectContaining({
        code: 'POLICY_NOT_APPLICABLE',
        message: expect.stringContaining('has no applicable oci trust policy statement'),
      }),
    )
  })
  it('a reference without a digest, or with a bad path, is POLICY_NOT_APPLICABLE', () => {
    expect(() => selectPolicy(doc, 'registry.example/app:v1')).toThrow(
      expect.objectContaining({ code: 'POLICY_NOT_APPLICABLE' }),
    )
    expect(() => selectPolicy(doc, `app@${digest}`)).toThrow(
      expect.objectContaining({
        code: 'POLICY_NOT_APPLICABLE',
        message: expect.stringContaining('not a fully qualified repository'),
      }),
    )
  })
})

describe('parseTrustPolicy: unknown keys that are typos get a "did you mean"', () => {
  it.each([
    [
      { version: '1.0', trustPolicy: [statement()] },
      'trustPolicy',
      'unknown key "trustPolicy"; did you mean "trustPolicies"?',
    ],
    [
      policyDoc(statement({ trustedIdentities: undefined, trustedIdentites: ['*'] })),
      'trustPolicies[0].trustedIdentites',
      'did you mean "trustedIdentities"?',
    ],
    [
      policyDoc(statement({ registryScope: ['*'], registryScopes: undefined })),
      'trustPolicies[0].registryScope',
      'did you mean "registryScopes"?',
    ],
    [
      policyDoc(
        statement({ signatureVerification: { level: 'strict', overide: { revocation: 'skip' } } }),
      ),
      'trustPolicies[0].signatureVerification.overide',
      'did you mean "override"?',
    ],
    [
      policyDoc(
        statement({
          signatureVerification: { level: 'strict', verifyTimestmp: 'afterCertExpiry' },
        }),
      ),
      'trustPolicies[0].signatureVerification.verifyTimestmp',
      'did you mean "verifyTimestamp"?',
    ],
  ])('%#: %s', (raw, path, message) => {
    expectProblem(raw, path, message)
  })

  it('other unknown keys are ignored as notation ignores them', () => {
    const doc = validateTrustPolicy(
      policyDoc(statement({ comment: 'release images', $schema: 'x' }), {
        ...statement({ name: 'b', registryScopes: ['r.example/b'] }),
        description: 'b',
      }),
    )
    expect(doc.trustPolicies).toHaveLength(2)
  })

  it('a known key in other letter case is not a typo (Go matches names case-insensitively)', () => {
    const doc = validateTrustPolicy(
      policyDoc(statement({ trustedIdentities: undefined, TrustedIdentities: ['*'] })),
    )
    expect(doc.trustPolicies).toHaveLength(1)
  })
})
