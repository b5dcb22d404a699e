/** Adapts the Logger port to @actions/core: groups, debug lines, warning annotations. */
import * as core from '@actions/core'
import type { Logger } from '../log.js'

export const coreLogger: Logger = {
  debug: (message) => core.debug(message),
  info: (message) => core.info(message),
  warning: (message, where) =>
    core.warning(message, {
      ...(where?.title === undefined ? {} : { title: where.title }),
      ...(where?.file === undefined ? {} : { file: where.file }),
    }),
  group: (name, fn) => core.group(name, fn),
}
