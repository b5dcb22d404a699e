/** An OCI content descriptor (image-spec descriptor.md). */
export interface Descriptor {
  mediaType: string
  digest: string
  size: number
  annotations?: Record<string, string>
  artifactType?: string
  data?: string
  urls?: string[]
  platform?: { architecture: string; os: string; variant?: string; 'os.version'?: string }
}
