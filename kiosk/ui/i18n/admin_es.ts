<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AdminScreen</name>
    <message>
        <location filename="../admin/admin_screen.py" line="424"/>
        <source>Requests cannot be stored or shown on this kiosk: {reason}</source>
        <translation>No se pueden guardar ni mostrar solicitudes en este quiosco: {reason}</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="425"/>
        <source>the requests database is not open</source>
        <translation>la base de datos de solicitudes no está abierta</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="435"/>
        <source>The requests database cannot be read: {reason}</source>
        <translation>No se puede leer la base de datos de solicitudes: {reason}</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="439"/>
        <source>What to do: IT runs kiosk doctor on this kiosk (docs/deploy.md). Until then patients are asked to go to the front desk; no request is lost unseen.</source>
        <translation>Qué hacer: TI ejecuta kiosk doctor en este quiosco (docs/deploy.md). Mientras tanto, se pide a los pacientes que vayan a la recepción; ninguna solicitud se pierde sin que nadie lo sepa.</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="445"/>
        <source>Requests are not being sent to the clinic: {reason}</source>
        <translation>Las solicitudes no se están enviando a la clínica: {reason}</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="469"/>
        <source>Content state unavailable: {reason}</source>
        <translation>No se pudo leer el estado del contenido: {reason}</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="473"/>
        <source>Content version: {version}</source>
        <translation>Versión del contenido: {version}</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="475"/>
        <source>Content folder: {folder}</source>
        <translation>Carpeta de contenido: {folder}</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="483"/>
        <source>Problems in the last content load: {count}</source>
        <translation>Problemas en la última carga del contenido: {count}</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="486"/>
        <source>No problems in the last content load.</source>
        <translation>No hubo problemas en la última carga del contenido.</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="492"/>
        <source>The content folder has {count} problem(s), so the kiosk plays the last content that worked ({version}). Fix the problems below and it changes at once.</source>
        <translation>La carpeta de contenido tiene {count} problema(s), así que el quiosco muestra el último contenido que funcionó ({version}). Corrija los problemas de abajo y cambiará de inmediato.</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="497"/>
        <source>The content folder has {count} problem(s) and there is no earlier content that worked, so the kiosk plays the content it was shipped with.</source>
        <translation>La carpeta de contenido tiene {count} problema(s) y no hay contenido anterior que haya funcionado, así que el quiosco muestra el contenido con el que se entregó.</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="500"/>
        <source>No content can be played; the kiosk shows its welcome screen.</source>
        <translation>No se puede mostrar ningún contenido; el quiosco muestra su pantalla de bienvenida.</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="504"/>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="522"/>
        <source>{free} free of {total} ({path})</source>
        <translation>{free} libres de {total} ({path})</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="530"/>
        <source>{rss} resident, {pss} proportional</source>
        <translation>{rss} residente, {pss} proporcional</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="535"/>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="541"/>
        <source>Resume slideshow</source>
        <translation>Reanudar presentación</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="541"/>
        <source>Pause slideshow</source>
        <translation>Pausar presentación</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="545"/>
        <source>Starts the slides moving again</source>
        <translation>Vuelve a pasar las diapositivas</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="547"/>
        <source>Holds the slideshow on its current slide until resumed</source>
        <translation>Deja la presentación en la diapositiva actual hasta que se reanude</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="565"/>
        <source>Marked as contacted.</source>
        <translation>Marcada como contactada.</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="567"/>
        <source>That request no longer exists (it may have expired).</source>
        <translation>Esa solicitud ya no existe (puede haber caducado).</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="570"/>
        <source>Could not save: {reason}</source>
        <translation>No se pudo guardar: {reason}</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="578"/>
        <source>Could not retry: {reason}</source>
        <translation>No se pudo reintentar: {reason}</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="581"/>
        <source>Queued to send again.</source>
        <translation>En cola para enviarse de nuevo.</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="583"/>
        <source>Every failed request is queued to send again.</source>
        <translation>Todas las solicitudes fallidas están en cola para enviarse de nuevo.</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="595"/>
        <source>Could not reload the content: {reason}</source>
        <translation>No se pudo recargar el contenido: {reason}</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="597"/>
        <source>Content reloaded.</source>
        <translation>Contenido recargado.</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="607"/>
        <source>Could not change the slideshow: {reason}</source>
        <translation>No se pudo cambiar la presentación: {reason}</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="609"/>
        <source>Slideshow paused.</source>
        <translation>Presentación en pausa.</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="609"/>
        <source>Slideshow resumed.</source>
        <translation>Presentación reanudada.</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="664"/>
        <source>Staff admin</source>
        <translation>Administración del personal</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="665"/>
        <location filename="../admin/admin_screen.py" line="666"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="666"/>
        <source>Closes the staff screen and returns to the slideshow</source>
        <translation>Cierra la pantalla del personal y vuelve a la presentación</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="668"/>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="668"/>
        <source>Patients&apos; information requests and their delivery</source>
        <translation>Solicitudes de información de los pacientes y su envío</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="669"/>
        <source>Notices</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="669"/>
        <source>Short notices for today in a banner over the slides</source>
        <translation>Avisos breves del día en una franja sobre las diapositivas</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="672"/>
        <source>Insights</source>
        <translation>Estadísticas</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="673"/>
        <source>How the kiosk is used: topics, visits and requests, counted without patient data</source>
        <translation>Cómo se usa el quiosco: temas, visitas y solicitudes, contados sin datos de los pacientes</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="675"/>
        <source>Content</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="675"/>
        <source>Problems found in the slides at the last content load</source>
        <translation>Problemas encontrados en las diapositivas en la última carga</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="676"/>
        <source>Device</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="676"/>
        <source>Version, uptime, disk space and memory of this kiosk</source>
        <translation>Versión, tiempo encendido, espacio en disco y memoria de este quiosco</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="682"/>
        <source>Kiosk version</source>
        <translation>Versión del quiosco</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="683"/>
        <source>Content version</source>
        <translation>Versión del contenido</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="684"/>
        <source>Kiosk running for</source>
        <translation>Quiosco funcionando desde hace</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="685"/>
        <source>Computer running for</source>
        <translation>Computadora encendida desde hace</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="686"/>
        <source>Disk space</source>
        <translation>Espacio en disco</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="687"/>
        <source>Memory</source>
        <translation>Memoria</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="688"/>
        <source>Last delivery to the clinic</source>
        <translation>Último envío a la clínica</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="689"/>
        <source>Computer</source>
        <translation>Computadora</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="690"/>
        <source>Software</source>
        <translation>Software</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="693"/>
        <location filename="../admin/admin_screen.py" line="695"/>
        <source>Reload content</source>
        <translation>Recargar contenido</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="695"/>
        <source>Reads the slides from the content folder again now</source>
        <translation>Vuelve a leer ahora las diapositivas de la carpeta de contenido</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="697"/>
        <location filename="../admin/admin_screen.py" line="698"/>
        <source>Exit kiosk</source>
        <translation>Salir del quiosco</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="698"/>
        <source>Quits the kiosk program (asks first)</source>
        <translation>Cierra el programa del quiosco (pregunta antes)</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="701"/>
        <source>Exit the kiosk program? Where the computer restarts it automatically (see docs/deploy.md), it comes back within seconds.</source>
        <translation>¿Salir del programa del quiosco? Si la computadora lo reinicia automáticamente (vea docs/deploy.md), vuelve en unos segundos.</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="705"/>
        <location filename="../admin/admin_screen.py" line="706"/>
        <source>Exit now</source>
        <translation>Salir ahora</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="706"/>
        <source>Quits the kiosk program</source>
        <translation>Cierra el programa del quiosco</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="707"/>
        <location filename="../admin/admin_screen.py" line="708"/>
        <source>Keep running</source>
        <translation>Seguir funcionando</translation>
    </message>
    <message>
        <location filename="../admin/admin_screen.py" line="708"/>
        <source>Goes back without exiting</source>
        <translation>Vuelve atrás sin salir</translation>
    </message>
</context>
<context>
    <name>InsightsPage</name>
    <message>
        <location filename="../admin/insights_page.py" line="69"/>
        <source>Insights are off on this kiosk: nothing is being counted (stats.enabled in kiosk.yaml, see docs/insights.md).</source>
        <extracomment>The figures for hours starting in [since, until), read off the GUI thread. After this long without an answer the page says the database is slow (a stuck disk, a long purge), and goes on waiting.</extracomment>
        <translation>Las estadísticas están desactivadas en este quiosco: no se cuenta nada (stats.enabled en kiosk.yaml, vea docs/insights.md).</translation>
    </message>
    <message>
        <location filename="../admin/insights_page.py" line="82"/>
        <source>Counting…</source>
        <translation>Contando…</translation>
    </message>
    <message>
        <location filename="../admin/insights_page.py" line="104"/>
        <source>Still counting: the stats database is slow to answer (a busy or failing disk?).</source>
        <translation>Todavía contando: la base de datos de estadísticas tarda en responder (¿un disco ocupado o con fallas?).</translation>
    </message>
    <message>
        <location filename="../admin/insights_page.py" line="119"/>
        <source>The figures cannot be read now: {reason}</source>
        <translation>No se pueden leer las cifras ahora: {reason}</translation>
    </message>
</context>
<context>
    <name>InsightsView</name>
    <message>
        <location filename="../insights/view.py" line="192"/>
        <source>Last 7 days</source>
        <extracomment>The periods staff choose from, in days (the last is &quot;12 months&quot;). How visits ended, the one that matters most first (the chart&apos;s strongest shade). Languages named in themselves, as on the menu. days: staff chose another period</extracomment>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="192"/>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="192"/>
        <source>Last 12 months</source>
        <translation>Últimos 12 meses</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="196"/>
        <source>Topics by interest</source>
        <translation>Temas por interés</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="197"/>
        <source>Visits per hour of the day</source>
        <translation>Visitas por hora del día</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="198"/>
        <source>Requests per topic</source>
        <translation>Solicitudes por tema</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="199"/>
        <source>How visits ended</source>
        <translation>Cómo terminaron las visitas</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="200"/>
        <source>Slides on screen (proof of play)</source>
        <translation>Diapositivas en pantalla (prueba de emisión)</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="217"/>
        <source>A damaged stats database was set aside as {name}: the figures it held are not shown. IT deletes it once nobody needs it.</source>
        <translation>Se apartó una base de datos de estadísticas dañada como {name}: no se muestran las cifras que contenía. TI la elimina cuando ya nadie la necesite.</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="229"/>
        <source>{opens} opened · {slides} · {time}</source>
        <translation>{opens} abierto(s) · {slides} · {time}</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="231"/>
        <source>1 slide viewed</source>
        <translation>1 diapositiva vista</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="231"/>
        <source>{n} slides viewed</source>
        <translation>{n} diapositivas vistas</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="238"/>
        <source>No topic was opened in this period.</source>
        <translation>No se abrió ningún tema en este periodo.</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="243"/>
        <source>{hour}:00: {visits}</source>
        <translation>{hour}:00: {visits}</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="244"/>
        <location filename="../insights/view.py" line="305"/>
        <source>1 visit</source>
        <translation>1 visita</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="244"/>
        <location filename="../insights/view.py" line="305"/>
        <source>{n} visits</source>
        <translation>{n} visitas</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="249"/>
        <location filename="../insights/view.py" line="271"/>
        <source>No visits in this period.</source>
        <translation>No hubo visitas en este periodo.</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="257"/>
        <source>1 request</source>
        <translation>1 solicitud</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="257"/>
        <source>{n} requests</source>
        <translation>{n} solicitudes</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="261"/>
        <source>No request named a topic in this period.</source>
        <translation>Ninguna solicitud mencionó un tema en este periodo.</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="264"/>
        <source>Sent a request</source>
        <translation>Enviaron una solicitud</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="265"/>
        <source>Went back to the slideshow</source>
        <translation>Volvieron a la presentación</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="266"/>
        <source>Left (the screen timed out)</source>
        <translation>Se fueron (la pantalla se reinició sola)</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="267"/>
        <source>Ended by staff or a restart</source>
        <translation>Terminadas por el personal o un reinicio</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="278"/>
        <source>{shows} · {time}</source>
        <translation>{shows} · {time}</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="279"/>
        <source>once</source>
        <translation>una vez</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="279"/>
        <source>{n} times</source>
        <translation>{n} veces</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="284"/>
        <source>No slide was shown in this period.</source>
        <translation>No se mostró ninguna diapositiva en este periodo.</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="290"/>
        <source>From {since} to {until} ({zone}), counted by the hour.</source>
        <translation>Del {since} al {until} ({zone}), contado por horas.</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="295"/>
        <source>Nothing has been recorded yet.</source>
        <translation>Todavía no se ha registrado nada.</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="297"/>
        <source>Counting began on {date}.</source>
        <translation>El conteo empezó el {date}.</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="304"/>
        <source>{visits}; {share} ended in a request. A visit lasted {average} on average.</source>
        <translation>{visits}; el {share} terminó en una solicitud. Una visita duró {average} en promedio.</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="311"/>
        <source>Nobody used the touch screen in this period.</source>
        <translation>Nadie usó la pantalla táctil en este periodo.</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="313"/>
        <source>Menu opened: {menu}. Requests sent: {requests}.</source>
        <translation>Menú abierto: {menu}. Solicitudes enviadas: {requests}.</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="322"/>
        <source>Visits that chose: {choices}</source>
        <translation>Visitas que eligieron: {choices}</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="324"/>
        <source>No visit changed the language, text size or contrast.</source>
        <translation>Ninguna visita cambió el idioma, el tamaño del texto ni el contraste.</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="327"/>
        <source>Slides shown: {shows}, {time} on screen in all.</source>
        <translation>Diapositivas mostradas: {shows}, {time} en pantalla en total.</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="338"/>
        <source>larger text</source>
        <translation>texto más grande</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="339"/>
        <source>normal text</source>
        <translation>texto normal</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="340"/>
        <source>high contrast</source>
        <translation>alto contraste</translation>
    </message>
    <message>
        <location filename="../insights/view.py" line="341"/>
        <source>normal contrast</source>
        <translation>contraste normal</translation>
    </message>
</context>
<context>
    <name>NoticeComposer</name>
    <message>
        <location filename="../admin/notice_composer.py" line="196"/>
        <source>Starts the notice with this saved phrase</source>
        <translation>Empieza el aviso con esta frase guardada</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="317"/>
        <source>Shows until %1.</source>
        <translation>Se muestra hasta %1.</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="322"/>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="332"/>
        <source>Change the notice</source>
        <translation>Cambiar el aviso</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="332"/>
        <source>New notice</source>
        <translation>Aviso nuevo</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="333"/>
        <source>Save changes</source>
        <translation>Guardar cambios</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="333"/>
        <location filename="../admin/notice_composer.py" line="435"/>
        <source>Post notice</source>
        <translation>Publicar aviso</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="334"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="334"/>
        <location filename="../admin/notice_composer.py" line="436"/>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="358"/>
        <source>Fills in the blank in the notice&apos;s text</source>
        <translation>Completa el espacio en blanco del texto del aviso</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="368"/>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="370"/>
        <source>Tomorrow</source>
        <translation>Mañana</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="378"/>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="379"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="380"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="409"/>
        <source>Saved phrases: tap one to start from it</source>
        <translation>Frases guardadas: toque una para empezar con ella</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="410"/>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="410"/>
        <source>Spanish (optional)</source>
        <translation>Español (opcional)</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="413"/>
        <source>The notice&apos;s text</source>
        <translation>El texto del aviso</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="414"/>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="415"/>
        <source>Information</source>
        <translation>Información</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="415"/>
        <source>Important</source>
        <translation>Importante</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="418"/>
        <source>How the notice looks in the banner</source>
        <translation>Cómo se ve el aviso en la franja</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="419"/>
        <source>Ends</source>
        <translation>Termina</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="421"/>
        <source>In 30 minutes</source>
        <translation>En 30 minutos</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="422"/>
        <source>In 1 hour</source>
        <translation>En 1 hora</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="423"/>
        <source>In 2 hours</source>
        <translation>En 2 horas</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="424"/>
        <source>End of day</source>
        <translation>Al final del día</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="425"/>
        <source>Date and time…</source>
        <translation>Fecha y hora…</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="429"/>
        <source>When the notice stops showing</source>
        <translation>Cuándo deja de mostrarse el aviso</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="430"/>
        <source>Earlier day</source>
        <translation>Día anterior</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="431"/>
        <source>Later day</source>
        <translation>Día siguiente</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="432"/>
        <source>Earlier time</source>
        <translation>Hora anterior</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="433"/>
        <source>Later time</source>
        <translation>Hora siguiente</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="434"/>
        <source>Preview: as the banner shows it</source>
        <translation>Vista previa: como lo muestra la franja</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="435"/>
        <source>Shows the notice on this kiosk now</source>
        <translation>Muestra el aviso en este quiosco ahora</translation>
    </message>
    <message>
        <location filename="../admin/notice_composer.py" line="436"/>
        <source>Empties the notice being written</source>
        <translation>Vacía el aviso que se está escribiendo</translation>
    </message>
</context>
<context>
    <name>NoticesPage</name>
    <message>
        <location filename="../admin/notices_page.py" line="137"/>
        <source>Notices posted on this kiosk earlier could not be read: %1</source>
        <translation>No se pudieron leer los avisos publicados antes en este quiosco: %1</translation>
    </message>
    <message>
        <location filename="../admin/notices_page.py" line="191"/>
        <source>Important</source>
        <translation>Importante</translation>
    </message>
    <message>
        <location filename="../admin/notices_page.py" line="191"/>
        <source>Information</source>
        <translation>Información</translation>
    </message>
    <message>
        <location filename="../admin/notices_page.py" line="193"/>
        <source>from the content (notices.yaml)</source>
        <translation>del contenido (notices.yaml)</translation>
    </message>
    <message>
        <location filename="../admin/notices_page.py" line="193"/>
        <source>posted on this kiosk only</source>
        <translation>publicado solo en este quiosco</translation>
    </message>
    <message>
        <location filename="../admin/notices_page.py" line="195"/>
        <source>%1 · until %2 · %3</source>
        <translation>%1 · hasta %2 · %3</translation>
    </message>
    <message>
        <location filename="../admin/notices_page.py" line="196"/>
        <location filename="../admin/notices_page.py" line="197"/>
        <source>End now</source>
        <translation>Terminar ahora</translation>
    </message>
    <message>
        <location filename="../admin/notices_page.py" line="197"/>
        <source>Stops showing this notice on this kiosk</source>
        <translation>Deja de mostrar este aviso en este quiosco</translation>
    </message>
    <message>
        <location filename="../admin/notices_page.py" line="198"/>
        <location filename="../admin/notices_page.py" line="199"/>
        <source>Change</source>
        <translation>Cambiar</translation>
    </message>
    <message>
        <location filename="../admin/notices_page.py" line="199"/>
        <source>Puts this notice in the editor below</source>
        <translation>Pone este aviso en el editor de abajo</translation>
    </message>
    <message>
        <location filename="../admin/notices_page.py" line="214"/>
        <source>Not posted: %1</source>
        <translation>No se publicó: %1</translation>
    </message>
    <message>
        <location filename="../admin/notices_page.py" line="218"/>
        <source>The notice could not be saved: %1</source>
        <translation>No se pudo guardar el aviso: %1</translation>
    </message>
    <message>
        <location filename="../admin/notices_page.py" line="222"/>
        <source>Notice changed.</source>
        <translation>Aviso cambiado.</translation>
    </message>
    <message>
        <location filename="../admin/notices_page.py" line="222"/>
        <source>Posted: the notice shows on this kiosk now.</source>
        <translation>Publicado: el aviso ya se muestra en este quiosco.</translation>
    </message>
    <message>
        <location filename="../admin/notices_page.py" line="233"/>
        <source>The notice could not be ended: %1</source>
        <translation>No se pudo terminar el aviso: %1</translation>
    </message>
    <message>
        <location filename="../admin/notices_page.py" line="237"/>
        <source>Notice ended.</source>
        <translation>Aviso terminado.</translation>
    </message>
    <message>
        <location filename="../admin/notices_page.py" line="293"/>
        <source>Showing now on this kiosk:</source>
        <translation>Se muestra ahora en este quiosco:</translation>
    </message>
    <message>
        <location filename="../admin/notices_page.py" line="294"/>
        <source>No notice shows now.</source>
        <translation>No se muestra ningún aviso ahora.</translation>
    </message>
    <message>
        <location filename="../admin/notices_page.py" line="295"/>
        <source>Notices showing now</source>
        <translation>Avisos que se muestran ahora</translation>
    </message>
</context>
<context>
    <name>PinPadScreen</name>
    <message>
        <location filename="../admin/pin_pad.py" line="206"/>
        <source>Enter {low} to {high} digits.</source>
        <extracomment>Side of a PIN key, in pixels at 1080p (well over the 72 px minimum target). How often the pad looks for the PIN check&apos;s answer while a check runs. A wrong PIN was entered (after it was recorded in the lockout).</extracomment>
        <translation>Ingrese de {low} a {high} dígitos.</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="250"/>
        <source>Wrong PIN. Tries left: {count}.</source>
        <translation>PIN incorrecto. Intentos restantes: {count}.</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="252"/>
        <source>The staff PIN file is damaged. Ask IT to run kiosk set-pin again.</source>
        <translation>El archivo del PIN del personal está dañado. Pida a TI que vuelva a ejecutar kiosk set-pin.</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="254"/>
        <source>The PIN could not be checked. Please try again.</source>
        <translation>No se pudo verificar el PIN. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="279"/>
        <source>The staff PIN cannot be read: the kiosk cannot use its data folder. Ask IT to run kiosk doctor.</source>
        <translation>No se puede leer el PIN del personal: el quiosco no puede usar su carpeta de datos. Pida a TI que ejecute kiosk doctor.</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="282"/>
        <source>No staff PIN is set. Ask IT to run kiosk set-pin.</source>
        <translation>No hay un PIN del personal configurado. Pida a TI que ejecute kiosk set-pin.</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="285"/>
        <source>Locked: try again in {time}</source>
        <translation>Bloqueado: vuelva a intentarlo en {time}</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="287"/>
        <source>Checking…</source>
        <translation>Verificando…</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="294"/>
        <source>Digits entered: {count}</source>
        <translation>Dígitos ingresados: {count}</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="375"/>
        <source>Staff PIN</source>
        <translation>PIN del personal</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="376"/>
        <location filename="../admin/pin_pad.py" line="377"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="377"/>
        <source>Go back to the slideshow without opening the staff screen</source>
        <translation>Vuelve a la presentación sin abrir la pantalla del personal</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="379"/>
        <source>Digit {digit}</source>
        <translation>Dígito {digit}</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="379"/>
        <source>Adds this digit to the PIN</source>
        <translation>Agrega este dígito al PIN</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="380"/>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="380"/>
        <source>Removes the last digit</source>
        <translation>Borra el último dígito</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="381"/>
        <location filename="../admin/pin_pad.py" line="382"/>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="382"/>
        <source>Checks the PIN and opens the staff screen</source>
        <translation>Verifica el PIN y abre la pantalla del personal</translation>
    </message>
    <message>
        <location filename="../admin/pin_pad.py" line="295"/>
        <source>The PIN as dots; digits are never shown</source>
        <translation>El PIN en puntos; los dígitos nunca se muestran</translation>
    </message>
</context>
<context>
    <name>RequestList</name>
    <message>
        <location filename="../admin/request_list.py" line="299"/>
        <source>Cannot read the requests: {reason}</source>
        <translation>No se pueden leer las solicitudes: {reason}</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="373"/>
        <source>All ({count})</source>
        <translation>Todas ({count})</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="375"/>
        <source>Pending ({count})</source>
        <translation>Pendientes ({count})</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="376"/>
        <source>Delivered ({count})</source>
        <translation>Enviadas ({count})</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="377"/>
        <source>Failed ({count})</source>
        <translation>Fallidas ({count})</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="378"/>
        <source>Contacted ({count})</source>
        <translation>Contactadas ({count})</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="391"/>
        <source>No requests.</source>
        <translation>No hay solicitudes.</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="395"/>
        <source>Show more ({count})</source>
        <translation>Mostrar más ({count})</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="385"/>
        <source>Shows only the requests in this state</source>
        <translation>Muestra solo las solicitudes en este estado</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="287"/>
        <source>No requests can be shown: the requests database cannot be used (above).</source>
        <translation>No se pueden mostrar solicitudes: no se puede usar la base de datos de solicitudes (vea arriba).</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="400"/>
        <location filename="../admin/request_list.py" line="403"/>
        <source>Retry all failed</source>
        <translation>Reintentar las fallidas</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="404"/>
        <source>Sends every failed request to the clinic again</source>
        <translation>Vuelve a enviar a la clínica todas las solicitudes fallidas</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="396"/>
        <source>Shows older requests</source>
        <translation>Muestra solicitudes más antiguas</translation>
    </message>
</context>
<context>
    <name>RequestRow</name>
    <message>
        <location filename="../admin/request_list.py" line="130"/>
        <source>Pending</source>
        <extracomment>Rows built at once (and per &quot;Show more&quot;): each costs a few milliseconds of widgets and style, and opening the screen should feel instant.</extracomment>
        <translation>Pendiente</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="131"/>
        <source>Delivered</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="132"/>
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="133"/>
        <source>Contacted</source>
        <translation>Contactada</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="138"/>
        <source>mornings</source>
        <translation>por la mañana</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="139"/>
        <source>afternoons</source>
        <translation>por la tarde</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="140"/>
        <source>evenings</source>
        <translation>por la noche</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="141"/>
        <source>any time</source>
        <translation>a cualquier hora</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="147"/>
        <source>{channel}: delivered {time}</source>
        <translation>{channel}: enviada {time}</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="149"/>
        <source>{channel}: failed (attempts: {count})</source>
        <translation>{channel}: falló (intentos: {count})</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="153"/>
        <source>{channel}: waiting to retry (attempts so far: {count})</source>
        <translation>{channel}: esperando para reintentar (intentos hasta ahora: {count})</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="157"/>
        <source>{channel}: waiting to send</source>
        <translation>{channel}: esperando para enviarse</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="159"/>
        <source>last error: {error}</source>
        <translation>último error: {error}</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="168"/>
        <source>best time: {when}</source>
        <translation>mejor horario: {when}</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="169"/>
        <source>language: {code}</source>
        <translation>idioma: {code}</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="171"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="172"/>
        <source>Topics: {topics}</source>
        <translation>Temas: {topics}</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="176"/>
        <source>No delivery channel was configured when this request was made.</source>
        <translation>No había ningún canal de envío configurado cuando se hizo esta solicitud.</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="177"/>
        <location filename="../admin/request_list.py" line="179"/>
        <source>Mark contacted</source>
        <translation>Marcar contactada</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="179"/>
        <source>Records that staff have contacted this patient</source>
        <translation>Registra que el personal ya contactó a este paciente</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="181"/>
        <location filename="../admin/request_list.py" line="182"/>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../admin/request_list.py" line="182"/>
        <source>Sends this request to the clinic again now</source>
        <translation>Vuelve a enviar ahora esta solicitud a la clínica</translation>
    </message>
</context>
</TS>
