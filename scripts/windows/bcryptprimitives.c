/*
 * A stand-in for Windows' bcryptprimitives.dll, for running Loket's Windows
 * test binaries under Wine 8 (Debian 12), which does not ship that DLL.
 *
 * Rust's standard library on Windows imports ProcessPrng from
 * bcryptprimitives.dll; without it every Rust program exits at start-up
 * before main. Real Windows 10 and 11 have the DLL, so this file is never
 * shipped: scripts/windows-tests.sh builds it with mingw-w64 and puts its
 * folder on WINEPATH. ProcessPrng fills the buffer from RtlGenRandom
 * (SystemFunction036 in advapi32), the OS generator Wine does have.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
