/**
 * Browser probes for hardware acceleration, run before tfjs touches a backend.
 * A software adapter (SwiftShader, llvmpipe) is "available" but ~80× slower than
 * WASM on this kind of machine (case B4), so it is reported as software.
 */
export interface GpuProbe {
  available: boolean;
  software: boolean;
  description: string;
}

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i;

interface GpuAdapterLike {
  info?: { vendor?: string; architecture?: string; description?: string; device?: string; isFallbackAdapter?: boolean };
  isFallbackAdapter?: boolean;
}

export async function probeWebGpu(): Promise<GpuProbe> {
  const gpu = (globalThis.navigator as { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } } | undefined)?.gpu;
  if (!gpu) return { available: false, software: false, description: 'navigator.gpu is missing (no WebGPU in this browser, or the page is not a secure context)' };
  let adapter: GpuAdapterLike | null;
  try {
    adapter = await gpu.requestAdapter();
  } catch (e) {
    return { available: false, software: false, description: `requestAdapter() threw: ${(e as Error).message}` };
  }
  if (!adapter) return { available: false, software: false, description: 'requestAdapter() returned null: no WebGPU adapter' };
  const info = adapter.info ?? {};
  const description = [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ') || 'unknown adapter';
  const software = info.isFallbackAdapter === true || adapter.isFallbackAdapter === true || SOFTWARE.test(description);
  return { available: true, software, description };
}

export function probeWebGl(): GpuProbe {
  try {
    const canvas: OffscreenCanvas | HTMLCanvasElement =
      typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
    const gl = canvas.getContext('webgl2') as WebGL2RenderingContext | null;
    if (!gl) return { available: false, software: false, description: 'no WebGL2 context' };
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { available: true, software: SOFTWARE.test(renderer), description: renderer };
  } catch (e) {
    return { available: false, software: false, description: `WebGL probe failed: ${(e as Error).message}` };
  }
}
