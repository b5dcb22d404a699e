/** The CLI (dist/cli.js): the same code as the action, for terminals and other CI systems. */
const HELP = `oci-notary: sign and verify container images with Notary Project signatures

usage: oci-notary <command> [options]

commands:
  sign               sign images (Artifact Signing or a local key) and push the signatures
  verify             verify images in a registry against a trust policy and trust store
  verify-signature   verify one signature file offline
  inspect            list an image's signatures and decode one

run "oci-notary <command> --help" for a command's options.
`

const [command] = process.argv.slice(2)
if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
  process.stdout.write(HELP)
} else {
  process.stderr.write(`oci-notary: unknown command "${command}"\n\n${HELP}`)
  process.exitCode = 2
}
