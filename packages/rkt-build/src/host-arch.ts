/** appc's name for the architecture Node runs on (appc.md §3.1 Go↔appc table). */
export function hostAppcArch(arch: string = process.arch): string {
  switch (arch) {
    case 'x64':
      return 'amd64';
    case 'arm64':
      return 'aarch64';
    case 'ia32':
      return 'i386';
    case 'arm':
      return 'armv7l';
    case 'ppc64':
      return 'ppc64le';
    default:
      return arch;
  }
}
