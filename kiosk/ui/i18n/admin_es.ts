<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AdminScreen</name>
    <message>
        <location filename="../admin/admin_screen.py" line="328"/>
        <source>Content state unavailable: {reason}</source>
        <translation>No se pudo leer el estado del contenido: {reason}</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="331"/>
        <source>Content version: {version}</source>
        <translation>Versión del contenido: {version}</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="333"/>
        <source>Problems in the last content load: {count}</source>
        <translation>Problemas en la última carga del contenido: {count}</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="336"/>
        <source>No problems in the last content load.</source>
        <translation>No hubo problemas en la última carga del contenido.</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="340"/>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="356"/>
        <source>{free} free of {total} ({path})</source>
        <translation>{free} libres de {total} ({path})</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="360"/>
        <source>{rss} resident, {pss} proportional</source>
        <translation>{rss} residente, {pss} proporcional</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="363"/>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="369"/>
        <source>Resume slideshow</source>
        <translation>Reanudar presentación</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="369"/>
        <source>Pause slideshow</source>
        <translation>Pausar presentación</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="372"/>
        <source>Starts the slides moving again</source>
        <translation>Vuelve a pasar las diapositivas</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="373"/>
        <source>Holds the slideshow on its current slide until resumed</source>
        <translation>Deja la presentación en la diapositiva actual hasta que se reanude</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="388"/>
        <source>Marked as contacted.</source>
        <translation>Marcada como contactada.</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="390"/>
        <source>That request no longer exists (it may have expired).</source>
        <translation>Esa solicitud ya no existe (puede haber caducado).</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="393"/>
        <source>Could not save: {reason}</source>
        <translation>No se pudo guardar: {reason}</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="401"/>
        <source>Could not retry: {reason}</source>
        <translation>No se pudo reintentar: {reason}</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="403"/>
        <source>Queued to send again.</source>
        <translation>En cola para enviarse de nuevo.</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="404"/>
        <source>Every failed request is queued to send again.</source>
        <translation>Todas las solicitudes fallidas están en cola para enviarse de nuevo.</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="415"/>
        <source>Could not reload the content: {reason}</source>
        <translation>No se pudo recargar el contenido: {reason}</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="417"/>
        <source>Content reloaded.</source>
        <translation>Contenido recargado.</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="427"/>
        <source>Could not change the slideshow: {reason}</source>
        <translation>No se pudo cambiar la presentación: {reason}</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="429"/>
        <source>Slideshow paused.</source>
        <translation>Presentación en pausa.</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="429"/>
        <source>Slideshow resumed.</source>
        <translation>Presentación reanudada.</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="489"/>
        <source>Staff admin</source>
        <translation>Administración del personal</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="490"/>
        <location filename="../admin/admin_screen.py" line="491"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="492"/>
        <source>Closes the staff screen and returns to the slideshow</source>
        <translation>Cierra la pantalla del personal y vuelve a la presentación</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="494"/>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="494"/>
        <source>Patients&apos; information requests and their delivery</source>
        <translation>Solicitudes de información de los pacientes y su envío</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="495"/>
        <source>Content</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="495"/>
        <source>Problems found in the slides at the last content load</source>
        <translation>Problemas encontrados en las diapositivas en la última carga</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="496"/>
        <source>Device</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="496"/>
        <source>Version, uptime, disk space and memory of this kiosk</source>
        <translation>Versión, tiempo encendido, espacio en disco y memoria de este quiosco</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="503"/>
        <source>Kiosk version</source>
        <translation>Versión del quiosco</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="503"/>
        <source>Content version</source>
        <translation>Versión del contenido</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="504"/>
        <source>Kiosk running for</source>
        <translation>Quiosco funcionando desde hace</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="504"/>
        <source>Computer running for</source>
        <translation>Computadora encendida desde hace</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="505"/>
        <source>Disk space</source>
        <translation>Espacio en disco</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="505"/>
        <source>Memory</source>
        <translation>Memoria</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="506"/>
        <source>Last delivery to the clinic</source>
        <translation>Último envío a la clínica</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="506"/>
        <source>Computer</source>
        <translation>Computadora</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="507"/>
        <source>Software</source>
        <translation>Software</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="510"/>
        <location filename="../admin/admin_screen.py" line="511"/>
        <source>Reload content</source>
        <translation>Recargar contenido</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="512"/>
        <source>Reads the slides from the content folder again now</source>
        <translation>Vuelve a leer ahora las diapositivas de la carpeta de contenido</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="513"/>
        <location filename="../admin/admin_screen.py" line="514"/>
        <source>Exit kiosk</source>
        <translation>Salir del quiosco</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="515"/>
        <source>Quits the kiosk program (asks first)</source>
        <translation>Cierra el programa del quiosco (pregunta antes)</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="517"/>
        <source>Exit the kiosk program? Where the computer restarts it automatically (see docs/deploy.md), it comes back within seconds.</source>
        <translation>¿Salir del programa del quiosco? Si la computadora lo reinicia automáticamente (vea docs/deploy.md), vuelve en unos segundos.</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="519"/>
        <location filename="../admin/admin_screen.py" line="520"/>
        <source>Exit now</source>
        <translation>Salir ahora</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="521"/>
        <source>Quits the kiosk program</source>
        <translation>Cierra el programa del quiosco</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="522"/>
        <location filename="../admin/admin_screen.py" line="523"/>
        <source>Keep running</source>
        <translation>Seguir funcionando</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="524"/>
        <source>Goes back without exiting</source>
        <translation>Vuelve atrás sin salir</translation>
    </message>
</context>
<context>
    <name>PinPadScreen</name>
    <message>
        <location filename="../admin/pin_pad.py" line="180"/>
        <source>Enter {low} to {high} digits.</source>
        <extracomment>Side of a PIN key, in pixels at 1080p (well over the 72 px minimum target). A wrong PIN was entered (after it was recorded in the lockout).</extracomment>
        <translation>Ingrese de {low} a {high} dígitos.</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="217"/>
        <source>Wrong PIN. Tries left: {count}.</source>
        <translation>PIN incorrecto. Intentos restantes: {count}.</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="219"/>
        <source>The staff PIN file is damaged. Ask IT to run kiosk set-pin again.</source>
        <translation>El archivo del PIN del personal está dañado. Pida a TI que vuelva a ejecutar kiosk set-pin.</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="221"/>
        <source>The PIN could not be checked. Please try again.</source>
        <translation>No se pudo verificar el PIN. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="245"/>
        <source>No staff PIN is set. Ask IT to run kiosk set-pin.</source>
        <translation>No hay un PIN del personal configurado. Pida a TI que ejecute kiosk set-pin.</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="248"/>
        <source>Locked: try again in {time}</source>
        <translation>Bloqueado: vuelva a intentarlo en {time}</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="250"/>
        <source>Checking…</source>
        <translation>Verificando…</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="255"/>
        <source>Digits entered: {count}</source>
        <translation>Dígitos ingresados: {count}</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="322"/>
        <source>Staff PIN</source>
        <translation>PIN del personal</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="323"/>
        <location filename="../admin/pin_pad.py" line="324"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="325"/>
        <source>Go back to the slideshow without opening the staff screen</source>
        <translation>Vuelve a la presentación sin abrir la pantalla del personal</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="327"/>
        <source>Digit {digit}</source>
        <translation>Dígito {digit}</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="328"/>
        <source>Adds this digit to the PIN</source>
        <translation>Agrega este dígito al PIN</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="329"/>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="330"/>
        <source>Removes the last digit</source>
        <translation>Borra el último dígito</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="331"/>
        <location filename="../admin/pin_pad.py" line="332"/>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="333"/>
        <source>Checks the PIN and opens the staff screen</source>
        <translation>Verifica el PIN y abre la pantalla del personal</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="334"/>
        <source>The PIN as dots; digits are never shown</source>
        <translation>El PIN en puntos; los dígitos nunca se muestran</translation>
    </message>
</context>
<context>
    <name>RequestList</name>
    <message>
        <location filename="../admin/request_list.py" line="284"/>
        <source>Cannot read the requests: {reason}</source>
        <translation>No se pueden leer las solicitudes: {reason}</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="355"/>
        <source>All ({count})</source>
        <translation>Todas ({count})</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="357"/>
        <source>Pending ({count})</source>
        <translation>Pendientes ({count})</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="358"/>
        <source>Delivered ({count})</source>
        <translation>Enviadas ({count})</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="359"/>
        <source>Failed ({count})</source>
        <translation>Fallidas ({count})</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="360"/>
        <source>Contacted ({count})</source>
        <translation>Contactadas ({count})</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="373"/>
        <source>No requests.</source>
        <translation>No hay solicitudes.</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="377"/>
        <source>Show more ({count})</source>
        <translation>Mostrar más ({count})</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="383"/>
        <source>Shows only the requests in this state</source>
        <translation>Muestra solo las solicitudes en este estado</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="384"/>
        <location filename="../admin/request_list.py" line="385"/>
        <source>Retry all failed</source>
        <translation>Reintentar las fallidas</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="386"/>
        <source>Sends every failed request to the clinic again</source>
        <translation>Vuelve a enviar a la clínica todas las solicitudes fallidas</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="387"/>
        <source>Shows older requests</source>
        <translation>Muestra solicitudes más antiguas</translation>
    </message>
</context>
<context>
    <name>RequestRow</name>
    <message>
        <location filename="../admin/request_list.py" line="129"/>
        <source>Pending</source>
        <extracomment>Rows built at once (and per &quot;Show more&quot;): each costs a few milliseconds of widgets and style, and opening the screen should feel instant.</extracomment>
        <translation>Pendiente</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="130"/>
        <source>Delivered</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="131"/>
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="132"/>
        <source>Contacted</source>
        <translation>Contactada</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="137"/>
        <source>mornings</source>
        <translation>por la mañana</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="138"/>
        <source>afternoons</source>
        <translation>por la tarde</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="139"/>
        <source>evenings</source>
        <translation>por la noche</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="140"/>
        <source>any time</source>
        <translation>a cualquier hora</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="146"/>
        <source>{channel}: delivered {time}</source>
        <translation>{channel}: enviada {time}</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="148"/>
        <source>{channel}: failed (attempts: {count})</source>
        <translation>{channel}: falló (intentos: {count})</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="151"/>
        <source>{channel}: waiting to retry (attempts so far: {count})</source>
        <translation>{channel}: esperando para reintentar (intentos hasta ahora: {count})</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="154"/>
        <source>{channel}: waiting to send</source>
        <translation>{channel}: esperando para enviarse</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="156"/>
        <source>last error: {error}</source>
        <translation>último error: {error}</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="164"/>
        <source>best time: {when}</source>
        <translation>mejor horario: {when}</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="165"/>
        <source>language: {code}</source>
        <translation>idioma: {code}</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="167"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="168"/>
        <source>Topics: {topics}</source>
        <translation>Temas: {topics}</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="172"/>
        <source>No delivery channel was configured when this request was made.</source>
        <translation>No había ningún canal de envío configurado cuando se hizo esta solicitud.</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="173"/>
        <location filename="../admin/request_list.py" line="174"/>
        <source>Mark contacted</source>
        <translation>Marcar contactada</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="176"/>
        <source>Records that staff have contacted this patient</source>
        <translation>Registra que el personal ya contactó a este paciente</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="177"/>
        <location filename="../admin/request_list.py" line="178"/>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="179"/>
        <source>Sends this request to the clinic again now</source>
        <translation>Vuelve a enviar ahora esta solicitud a la clínica</translation>
    </message>
</context>
</TS>
