/**
 * The whole local test stack: the registry in its three modes and the TSA, started together
 * (loopback only, ephemeral ports) and described by a serialisable `TestbedInfo`.
 */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  TLS_DIR_ENV,
  startRegistry,
  testbedCa,
  type RegistryHandle,
  type RegistryMode,
} from './registry.js'
import { startTsa, type TsaHandle } from './tsa.js'

/** What a test needs of a running registry: the handle's data, without its process or servers. */
export type RegistryInfo = Omit<RegistryHandle, 'stop' | 'stateDir' | 'tokenServer'> & {
  tokenServerUrl?: string
}

export interface TestbedInfo {
  registries: Record<RegistryMode, RegistryInfo>
  tsa: { url: string; rootPem: string; rootPath: string; untrustedRootPem: string }
  /** The TLS CA every HTTPS test server uses (also in NODE_EXTRA_CA_CERTS). */
  tlsCaPath: string
}

export interface Testbed {
  info: TestbedInfo
  registries: Record<RegistryMode, RegistryHandle>
  tsa: TsaHandle
  stop(): Promise<void>
}

export function registryInfo(r: RegistryHandle): RegistryInfo {
  return {
    mode: r.mode,
    host: r.host,
    url: r.url,
    ...(r.username === undefined ? {} : { username: r.username, password: r.password as string }),
    ...(r.caPem === undefined ? {} : { caPem: r.caPem, caPath: r.caPath as string }),
    ...(r.tokenServer === undefined ? {} : { tokenServerUrl: r.tokenServer.url }),
  }
}

/**
 * Prepares the shared TLS CA in a directory and points NODE_EXTRA_CA_CERTS at it, so every Node
 * process started after this (test workers, the action under test) trusts the test servers.
 */
export async function prepareTlsTrust(): Promise<string> {
  process.env[TLS_DIR_ENV] ??= await mkdtemp(join(tmpdir(), 'notary-testbed-tls-'))
  await testbedCa()
  const caPath = join(process.env[TLS_DIR_ENV] as string, 'ca.pem')
  process.env.NODE_EXTRA_CA_CERTS = caPath
  return caPath
}

export async function startTestbed(
  modes: RegistryMode[] = ['plain', 'basic', 'token'],
): Promise<Testbed> {
  const tlsCaPath = await prepareTlsTrust()
  const started: RegistryHandle[] = []
  let tsa: TsaHandle | undefined
  try {
    tsa = await startTsa()
    for (const mode of modes) started.push(await startRegistry({ mode }))
  } catch (err) {
    await Promise.allSettled([...started.map((r) => r.stop()), tsa?.stop()])
    throw err
  }
  const registries = Object.fromEntries(started.map((r) => [r.mode, r])) as Record<
    RegistryMode,
    RegistryHandle
  >
  const handle = tsa
  return {
    registries,
    tsa: handle,
    info: {
      registries: Object.fromEntries(started.map((r) => [r.mode, registryInfo(r)])) as Record<
        RegistryMode,
        RegistryInfo
      >,
      tsa: {
        url: handle.url,
        rootPem: handle.rootPem,
        rootPath: handle.rootPath,
        untrustedRootPem: handle.untrustedRootPem,
      },
      tlsCaPath,
    },
    async stop() {
      await Promise.allSettled([...started.map((r) => r.stop()), handle.stop()])
    },
  }
}
