/**
 * Writes a throwaway code-signing PKI to a directory, for workflows and manual runs:
 *   npx tsx testbed/write-pki.ts DIR
 * DIR/leaf.key (PKCS#8), DIR/chain.pem (leaf, intermediate, root), DIR/root.pem,
 * DIR/other-root.pem (an unrelated root), DIR/subject.txt (the leaf subject).
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createCodeSigningPki, createRootCa } from './pki.js'

const dir = process.argv[2]
if (dir === undefined) {
  console.error('usage: tsx testbed/write-pki.ts DIR')
  process.exit(2)
}
await mkdir(dir, { recursive: true })
const pki = await createCodeSigningPki({
  keyKind: 'ec384',
  leafSubject: 'C=US, ST=WA, L=Seattle, O=Octo Org, CN=release signer',
})
const other = await createRootCa('Unrelated Root')
await writeFile(join(dir, 'leaf.key'), pki.leaf.privateKeyPem, { mode: 0o600 })
await writeFile(join(dir, 'chain.pem'), pki.chainPem)
await writeFile(join(dir, 'root.pem'), pki.root.pem)
await writeFile(join(dir, 'other-root.pem'), other.pem)
await writeFile(join(dir, 'subject.txt'), 'C=US, ST=WA, L=Seattle, O=Octo Org, CN=release signer\n')
console.log(`wrote a test PKI to ${dir}`)
