# Windows 10/11 Enterprise, Education or IoT Enterprise: make the kiosk loop the kiosk user's
# shell instead of Explorer (Shell Launcher v2), so there is no desktop, taskbar or Start menu.
# Run as an administrator, after enabling the feature:
#   Enable-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher
#   .\shell-launcher.ps1 -KioskUser kiosk
# Other users (IT's admin account) keep Explorer. Undo with: .\shell-launcher.ps1 -KioskUser kiosk -Remove
param(
    [Parameter(Mandatory = $true)][string]$KioskUser,
    [string]$Shell = 'powershell.exe -NoProfile -NonInteractive -WindowStyle Hidden -ExecutionPolicy Bypass -File "C:\Kiosk\kiosk-loop.ps1"',
    [switch]$Remove
)
$ErrorActionPreference = "Stop"

# Shell Launcher's action when the shell exits: 0 restart the shell, 1 restart the device,
# 2 shut down, 3 do nothing. The loop script never exits on its own; if it dies, restart it.
$RestartShell = 0

$sid = (New-Object System.Security.Principal.NTAccount($KioskUser)).Translate(
    [System.Security.Principal.SecurityIdentifier]).Value
$launcher = [wmiclass]"\\localhost\root\standardcimv2\embedded:WESL_UserSetting"

if ($Remove) {
    $launcher.RemoveCustomShell($sid)
    Write-Output "Removed the kiosk shell for $KioskUser ($sid)."
    return
}

$launcher.SetEnabled($true)
# Everyone else keeps Explorer.
$launcher.SetDefaultShell("explorer.exe", $RestartShell)
$launcher.SetCustomShell($sid, $Shell, ($null), ($null), $RestartShell)
Write-Output "The kiosk loop is now the shell of $KioskUser ($sid); sign out and back in to start it."
