# Keeps the clinic kiosk running on Windows: the job systemd does on Linux.
#
# Started at logon of the kiosk user by kiosk-task.xml (Task Scheduler) or as the custom shell
# by shell-launcher.ps1. Restarts the kiosk whenever it exits (exit codes in docs/deploy.md).
# Windows has no systemd watchdog: a frozen kiosk ends itself (its stall detector, after
# watchdog.stall_seconds, exit code 76, every thread's stack in kiosk.log). As a last resort
# this script also kills a kiosk whose heartbeat file (rewritten at least every few seconds
# while frames are painted) is older than $FrozenAfterSeconds. Stop-Process -Force ends it
# without clean-up, which is safe: requests are committed as they are made, and Windows
# releases the kiosk's lock with the process.
param(
    [string]$Kiosk = "C:\Kiosk\current\kiosk.exe",
    [int]$FrozenAfterSeconds = 90,
    [int]$RestartDelaySeconds = 3
)

$ErrorActionPreference = "Continue"
$DataDir = Join-Path $env:LOCALAPPDATA "clinic-kiosk"
if ($env:KIOSK_DATA_DIR) { $DataDir = $env:KIOSK_DATA_DIR }
$Heartbeat = Join-Path $DataDir "heartbeat"
$LogDir = Join-Path $DataDir "Logs"
New-Item -ItemType Directory -Force -Path $LogDir | Out-Null
$SupervisorLog = Join-Path $LogDir "supervisor.log"

function Write-Supervisor([string]$Message) {
    $line = "{0:yyyy-MM-dd HH:mm:ss} {1}" -f (Get-Date), $Message
    try { Add-Content -Path $SupervisorLog -Value $line } catch { }  # a full disk must not stop us
}

function Get-HeartbeatAge {
    # The file holds "<ISO time> <unix time>"; its own clock, not the file's modified time.
    try {
        $unix = [double]((Get-Content -Path $Heartbeat -TotalCount 1).Split(" ")[1])
        return [DateTimeOffset]::UtcNow.ToUnixTimeSeconds() - $unix
    } catch {
        return $null
    }
}

while ($true) {
    $started = Get-Date
    Write-Supervisor "starting $Kiosk"
    $process = Start-Process -FilePath $Kiosk -ArgumentList "run" -WindowStyle Hidden -PassThru
    while (-not $process.HasExited) {
        Start-Sleep -Seconds 10
        $age = Get-HeartbeatAge
        $runningFor = ((Get-Date) - $started).TotalSeconds
        if ($runningFor -gt $FrozenAfterSeconds -and $age -ne $null -and $age -gt $FrozenAfterSeconds) {
            Write-Supervisor "no frame painted for $([int]$age) s: stopping the frozen kiosk"
            Stop-Process -Id $process.Id -Force
        }
    }
    $code = $process.ExitCode
    $meaning = switch ($code) {
        0 { "stopped cleanly (admin screen Exit, or Ctrl+C / console closed)" }
        1 { "problems found (kiosk.yaml), or frozen with Python stuck (stacks in kiosk.log)" }
        2 { "wrong command line" }
        3 { "another kiosk is already running" }
        70 { "crash (traceback in kiosk.log)" }
        75 { "restart asked for (memory ceiling)" }
        76 { "frozen (every thread's stack in kiosk.log)" }
        77 { "the kiosk window was closed or taken off the screen" }
        78 { "no display" }
        default { "see docs/deploy.md, Exit codes" }
    }
    Write-Supervisor "kiosk exited with code ${code}: $meaning"
    if ($code -eq 3) {
        # Already running (started twice): wait before trying again.
        Start-Sleep -Seconds 30
    }
    Start-Sleep -Seconds $RestartDelaySeconds
}
