/**
 * Starting docker credential helpers on Windows, simulated: the PATH × PATHEXT lookup, batch
 * files through cmd.exe with the path quoted, and paths cmd.exe cannot take refused. (On a
 * Windows runner, credentials.test.ts also runs real `.cmd` helpers through this code.)
 */
import { describe, expect, it } from 'vitest'
import { findOnWindowsPath, helperLaunch } from '../../../src/oci/helper-launch.js'

const files = (...paths: string[]): ((file: string) => boolean) => {
  const set = new Set(paths.map((p) => p.toLowerCase()))
  return (file) => set.has(file.toLowerCase())
}
const WIN_ENV = {
  Path: 'C:\\Windows\\system32;"C:\\Program Files\\Docker\\bin";C:\\Users\\u\\AppData\\Roaming\\npm',
  PATHEXT: '.COM;.EXE;.BAT;.CMD',
}

describe('helperLaunch', () => {
  it('elsewhere than Windows, spawns the program by name without a shell', () => {
    expect(helperLaunch('docker-credential-osxkeychain', { PATH: '/usr/bin' }, 'darwin')).toEqual({
      command: 'docker-credential-osxkeychain',
      args: ['get'],
      shell: false,
    })
  })

  it('a Windows .exe is spawned by its absolute path, without a shell', () => {
    const isFile = files('C:\\Program Files\\Docker\\bin\\docker-credential-desktop.exe')
    expect(helperLaunch('docker-credential-desktop', WIN_ENV, 'win32', isFile)).toEqual({
      command: 'C:\\Program Files\\Docker\\bin\\docker-credential-desktop.exe',
      args: ['get'],
      shell: false,
    })
  })

  it('a Windows .cmd runs through cmd.exe, its path quoted (spaces), the argument fixed', () => {
    const isFile = files('C:\\Program Files\\Docker\\bin\\docker-credential-gcr.cmd')
    expect(helperLaunch('docker-credential-gcr', WIN_ENV, 'win32', isFile)).toEqual({
      command: '"C:\\Program Files\\Docker\\bin\\docker-credential-gcr.cmd"',
      args: ['get'],
      shell: true,
    })
  })

  it('PATH order first, then PATHEXT order, as Go exec.LookPath', () => {
    const isFile = files(
      'C:\\Program Files\\Docker\\bin\\docker-credential-x.cmd',
      'C:\\Program Files\\Docker\\bin\\docker-credential-x.exe',
      'C:\\Users\\u\\AppData\\Roaming\\npm\\docker-credential-x.exe',
    )
    expect(findOnWindowsPath('docker-credential-x', WIN_ENV, isFile)).toBe(
      'C:\\Program Files\\Docker\\bin\\docker-credential-x.exe',
    )
    // An unset PATHEXT means Windows' default list; `PATH` may be spelled in any case.
    expect(
      findOnWindowsPath(
        'docker-credential-x',
        { PATH: 'C:\\Users\\u\\AppData\\Roaming\\npm' },
        isFile,
      ),
    ).toBe('C:\\Users\\u\\AppData\\Roaming\\npm\\docker-credential-x.exe')
  })

  it('a helper not on the Windows PATH is spawned by name, so spawn reports ENOENT', () => {
    expect(helperLaunch('docker-credential-none', WIN_ENV, 'win32', files())).toEqual({
      command: 'docker-credential-none',
      args: ['get'],
      shell: false,
    })
  })

  it('refuses a batch file whose path cmd.exe would expand (%, !, ^, ")', () => {
    const isFile = files('C:\\100%\\docker-credential-x.cmd')
    expect(() =>
      helperLaunch('docker-credential-x', { PATH: 'C:\\100%' }, 'win32', isFile),
    ).toThrow(expect.objectContaining({ code: 'REGISTRY_CREDENTIALS' }))
  })
})
