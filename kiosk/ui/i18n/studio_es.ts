<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>ColourInput</name>
    <message>
        <location filename="../studio/field_inputs.py" line="542"/>
        <source>Choose the colour for {field}</source>
        <translation>Elegir el color de {field}</translation>
    </message>
</context>
<context>
    <name>DeletedDialog</name>
    <message>
        <location filename="../studio/dialogs.py" line="147"/>
        <source>Deleted slides</source>
        <translation>Diapositivas eliminadas</translation>
    </message>
    <message>
        <location filename="../studio/dialogs.py" line="149"/>
        <source>Deleted slides, newest first</source>
        <translation>Diapositivas eliminadas, la más reciente primero</translation>
    </message>
    <message>
        <location filename="../studio/dialogs.py" line="154"/>
        <source>(deleted since the last save)</source>
        <translation>(eliminada después de la última vez que se guardó)</translation>
    </message>
    <message>
        <location filename="../studio/dialogs.py" line="161"/>
        <source>Bring back</source>
        <translation>Recuperar</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../studio/field_panel.py" line="30"/>
        <source>Id (file name)</source>
        <translation>Identificador (nombre del archivo)</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="31"/>
        <source>Kind of slide</source>
        <translation>Tipo de diapositiva</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="32"/>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="33"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="34"/>
        <source>Time on screen</source>
        <translation>Tiempo en pantalla</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="35"/>
        <source>When it plays</source>
        <translation>Cuándo se muestra</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="36"/>
        <source>Hidden</source>
        <translation>Oculta</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="37"/>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="38"/>
        <source>Picture</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="39"/>
        <location filename="../studio/field_panel.py" line="72"/>
        <source>Points</source>
        <translation>Puntos</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="40"/>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="41"/>
        <source>Safety note</source>
        <translation>Nota de seguridad</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="42"/>
        <source>Hold each time</source>
        <translation>Mantener cada vez</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="43"/>
        <source>Repetitions</source>
        <translation>Repeticiones</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="44"/>
        <source>Sets</source>
        <translation>Series</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="45"/>
        <source>Date of the news</source>
        <translation>Fecha de la noticia</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="46"/>
        <source>QR code</source>
        <translation>Código QR</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="47"/>
        <source>QR code caption</source>
        <translation>Texto bajo el código QR</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="48"/>
        <source>Clinic name</source>
        <translation>Nombre de la clínica</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="49"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="50"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="51"/>
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="52"/>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="53"/>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="54"/>
        <source>Time on screen for every slide</source>
        <translation>Tiempo en pantalla de cada diapositiva</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="55"/>
        <source>Colours</source>
        <translation>Colores</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="56"/>
        <source>Headers and buttons</source>
        <translation>Encabezados y botones</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="57"/>
        <source>Highlights</source>
        <translation>Resaltados</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="58"/>
        <source>Background</source>
        <translation>Fondo</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="59"/>
        <source>Text colour</source>
        <translation>Color del texto</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="60"/>
        <source>Logo</source>
        <translation>Logotipo</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="61"/>
        <source>Opening hours</source>
        <translation>Horario de atención</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="62"/>
        <source>After a request</source>
        <translation>Después de una solicitud</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="63"/>
        <source>Topics</source>
        <translation>Temas</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="71"/>
        <source>Information</source>
        <translation>Información</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="73"/>
        <source>Exercise</source>
        <translation>Ejercicio</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="74"/>
        <source>News</source>
        <translation>Noticia</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="75"/>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="84"/>
        <source>Names the slide&apos;s file: small letters, digits and dashes, e.g. cat-cow.</source>
        <translation>Da nombre al archivo de la diapositiva: letras minúsculas, números y guiones, por ejemplo cat-cow.</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="87"/>
        <source>Decided when the slide is added.</source>
        <translation>Se decide al añadir la diapositiva.</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="88"/>
        <source>Where patients find the slide in the menu.</source>
        <translation>Dónde encuentran los pacientes la diapositiva en el menú.</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="89"/>
        <source>The headline, large at the top.</source>
        <translation>El título, grande, arriba.</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="90"/>
        <source>How long it stays on screen (4 s to 5 min); not set: the clinic&apos;s usual time.</source>
        <translation>Cuánto tiempo se queda en pantalla (de 4 s a 5 min); sin indicar: el tiempo habitual de la clínica.</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="93"/>
        <source>Leave everything unticked and it always plays.</source>
        <translation>Si no marca nada, se muestra siempre.</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="94"/>
        <source>A hidden slide is kept and checked, but patients never see it (a draft, or out of season).</source>
        <translation>Una diapositiva oculta se conserva y se revisa, pero los pacientes nunca la ven (un borrador, o fuera de temporada).</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="97"/>
        <source>Paragraphs; **bold**, *italic*, and lines starting with - for a list.</source>
        <translation>Párrafos; **negrita**, *cursiva*, y líneas que empiezan con - para una lista.</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="100"/>
        <source>A PNG, JPEG or SVG picture; it is scaled to what the kiosk needs.</source>
        <translation>Una imagen PNG, JPEG o SVG; se ajusta al tamaño que necesita el quiosco.</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="103"/>
        <source>Short points, one per line.</source>
        <translation>Puntos breves, uno por línea.</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="104"/>
        <source>Short steps, in order; each one is numbered on the slide.</source>
        <translation>Pasos breves, en orden; cada uno aparece numerado en la diapositiva.</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="105"/>
        <source>A safety line, e.g. ask your therapist before you start.</source>
        <translation>Una línea de seguridad, por ejemplo: consulte a su fisioterapeuta antes de empezar.</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="106"/>
        <source>The day the news is about.</source>
        <translation>El día del que trata la noticia.</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="107"/>
        <source>What the QR code opens: tel:+13033224900 for a call, or an https:// address.</source>
        <translation>Lo que abre el código QR: tel:+13033224900 para una llamada, o una dirección https://.</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="147"/>
        <source>✎ Still the new slide&apos;s example: write your own.</source>
        <translation>✎ Todavía es el ejemplo de la diapositiva nueva: escriba el suyo.</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="195"/>
        <source>Choose a slide on the left to edit it.</source>
        <extracomment>A field was edited (the window schedules a check and a preview).</extracomment>
        <translation>Elija una diapositiva a la izquierda para editarla.</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="200"/>
        <source>This slide cannot be edited here: {reason}</source>
        <translation>Esta diapositiva no se puede editar aquí: {reason}</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="206"/>
        <source>Hidden: kept, but never shown on the kiosk</source>
        <translation>Oculta: se conserva, pero nunca se muestra en el quiosco</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="219"/>
        <source>The clinic: name, colours, topics and hours ({file})</source>
        <translation>La clínica: nombre, colores, temas y horario ({file})</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="223"/>
        <source>Notices for today on every kiosk, and phrases staff pick on a kiosk ({file})</source>
        <translation>Avisos del día en todos los quioscos, y frases que el personal elige en un quiosco ({file})</translation>
    </message>
    <message>
        <location filename="../studio/field_panel.py" line="227"/>
        <source>{kind} slide, in {file}</source>
        <translation>Diapositiva de tipo {kind}, en {file}</translation>
    </message>
</context>
<context>
    <name>HolidaysInput</name>
    <message>
        <location filename="../studio/field_inputs.py" line="1010"/>
        <source>Add a day</source>
        <translation>Agregar un día</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="1042"/>
        <source>Day {number}</source>
        <translation>Día {number}</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="1046"/>
        <source>08:00-12:00, or closed</source>
        <translation>08:00-12:00, o closed</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="1047"/>
        <source>Day {number} hours</source>
        <translation>Horario del día {number}</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="1053"/>
        <source>Remove this day</source>
        <translation>Quitar este día</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="1054"/>
        <source>Remove day {number}</source>
        <translation>Quitar el día {number}</translation>
    </message>
</context>
<context>
    <name>InsightsDialog</name>
    <message>
        <location filename="../studio/insights_dialog.py" line="49"/>
        <source>Kiosk insights</source>
        <translation>Estadísticas del quiosco</translation>
    </message>
    <message>
        <location filename="../studio/insights_dialog.py" line="63"/>
        <source>Reading the figures…</source>
        <translation>Leyendo las cifras…</translation>
    </message>
    <message>
        <location filename="../studio/insights_dialog.py" line="74"/>
        <location filename="../studio/insights_dialog.py" line="81"/>
        <source>The figures cannot be read: {reason}</source>
        <translation>No se pueden leer las cifras: {reason}</translation>
    </message>
</context>
<context>
    <name>NoticesInput</name>
    <message>
        <location filename="../studio/field_inputs.py" line="1095"/>
        <source>Add a notice</source>
        <translation>Agregar un aviso</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="1136"/>
        <source>Notice {number} text ({language})</source>
        <translation>Texto del aviso {number} ({language})</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="1145"/>
        <source>Information</source>
        <translation>Información</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="1145"/>
        <source>Important</source>
        <translation>Importante</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="1147"/>
        <source>Notice {number} level</source>
        <translation>Nivel del aviso {number}</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="1153"/>
        <source>Notice {number} shows until</source>
        <translation>El aviso {number} se muestra hasta</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="1158"/>
        <source>Remove this notice</source>
        <translation>Quitar este aviso</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="1159"/>
        <source>Remove notice {number}</source>
        <translation>Quitar el aviso {number}</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="1187"/>
        <source>That end has already passed: the notice would never show. Choose a later one.</source>
        <translation>Ese final ya pasó: el aviso nunca se mostraría. Elija uno posterior.</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="1198"/>
        <source>New notice</source>
        <translation>Aviso nuevo</translation>
    </message>
</context>
<context>
    <name>NumberInput</name>
    <message>
        <location filename="../studio/field_inputs.py" line="438"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="444"/>
        <source>not set (default)</source>
        <translation>sin indicar (predeterminado)</translation>
    </message>
</context>
<context>
    <name>OpeningHoursInput</name>
    <message>
        <location filename="../studio/field_inputs.py" line="864"/>
        <source>Monday</source>
        <translation>Lunes</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="864"/>
        <source>Tuesday</source>
        <translation>Martes</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="864"/>
        <source>Wednesday</source>
        <translation>Miércoles</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="864"/>
        <source>Thursday</source>
        <translation>Jueves</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="865"/>
        <source>Friday</source>
        <translation>Viernes</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="865"/>
        <source>Saturday</source>
        <translation>Sábado</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="865"/>
        <source>Sunday</source>
        <translation>Domingo</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="869"/>
        <source>not said</source>
        <translation>sin indicar</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="904"/>
        <source>Write hours like 08:00-18:00 (several with commas), or closed.</source>
        <translation>Escriba el horario así: 08:00-18:00 (varios separados por comas), o closed si está cerrado.</translation>
    </message>
</context>
<context>
    <name>PictureInput</name>
    <message>
        <location filename="../studio/field_inputs.py" line="592"/>
        <source>Choose picture…</source>
        <translation>Elegir imagen…</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="593"/>
        <source>Choose a picture for {field}</source>
        <translation>Elegir una imagen para {field}</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="595"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="596"/>
        <source>Remove the picture from {field}</source>
        <translation>Quitar la imagen de {field}</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="612"/>
        <source>No picture</source>
        <translation>Sin imagen</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../studio/preview_pane.py" line="68"/>
        <source>Portrait</source>
        <extracomment>Quiet time after a keystroke before the preview is redrawn: typing stays smooth. A new picture is on screen (tests and the keystroke benchmark wait for it). Built, its picture not drawn yet (released if a newer one comes first). What the picture on screen shows, for tests: (slide id, model revision).</extracomment>
        <translation>Vertical</translation>
    </message>
    <message>
        <location filename="../studio/preview_pane.py" line="69"/>
        <source>Landscape</source>
        <translation>Horizontal</translation>
    </message>
    <message>
        <location filename="../studio/preview_pane.py" line="71"/>
        <source>Español</source>
        <translation>Español</translation>
    </message>
    <message>
        <location filename="../studio/preview_pane.py" line="72"/>
        <source>Larger text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <location filename="../studio/preview_pane.py" line="73"/>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <location filename="../studio/preview_pane.py" line="79"/>
        <source>Preview in landscape</source>
        <translation>Vista previa en horizontal</translation>
    </message>
    <message>
        <location filename="../studio/preview_pane.py" line="80"/>
        <source>Preview in portrait</source>
        <translation>Vista previa en vertical</translation>
    </message>
    <message>
        <location filename="../studio/preview_pane.py" line="81"/>
        <source>Preview in Spanish</source>
        <translation>Vista previa en español</translation>
    </message>
    <message>
        <location filename="../studio/preview_pane.py" line="82"/>
        <source>Preview with larger text</source>
        <translation>Vista previa con texto más grande</translation>
    </message>
    <message>
        <location filename="../studio/preview_pane.py" line="83"/>
        <source>Preview in high contrast</source>
        <translation>Vista previa en alto contraste</translation>
    </message>
    <message>
        <location filename="../studio/preview_pane.py" line="90"/>
        <source>Preview of the slide as the kiosk shows it</source>
        <translation>Vista previa de la diapositiva tal como la muestra el quiosco</translation>
    </message>
    <message>
        <location filename="../studio/preview_pane.py" line="136"/>
        <location filename="../studio/preview_pane.py" line="141"/>
        <source>Choose a slide to see it as the kiosk shows it.</source>
        <translation>Elija una diapositiva para verla tal como la muestra el quiosco.</translation>
    </message>
    <message>
        <location filename="../studio/preview_pane.py" line="145"/>
        <source>This slide has no id yet, so it cannot be previewed.</source>
        <translation>Esta diapositiva todavía no tiene identificador, así que no se puede previsualizar.</translation>
    </message>
    <message>
        <location filename="../studio/preview_pane.py" line="169"/>
        <source>Not drawn: {problem}</source>
        <translation>No se pudo mostrar: {problem}</translation>
    </message>
    <message>
        <location filename="../studio/preview_pane.py" line="169"/>
        <source>Not drawn.</source>
        <translation>No se pudo mostrar.</translation>
    </message>
    <message>
        <location filename="../studio/preview_pane.py" line="195"/>
        <source>The kiosk could not draw this slide: {reason}</source>
        <translation>El quiosco no pudo dibujar esta diapositiva: {reason}</translation>
    </message>
    <message>
        <location filename="../studio/preview_pane.py" line="203"/>
        <source>As the kiosk shows it, {width}x{height}</source>
        <translation>Tal como la muestra el quiosco, {width}x{height}</translation>
    </message>
    <message numerus="yes">
        <location filename="../studio/preview_pane.py" line="205"/>
        <source>%n warning(s): see the fields</source>
        <translation>
            <numerusform>%n advertencia: vea los campos</numerusform>
            <numerusform>%n advertencias: vea los campos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <location filename="../studio/dialogs.py" line="44"/>
        <source>Publish to the kiosks</source>
        <translation>Publicar en los quioscos</translation>
    </message>
    <message>
        <location filename="../studio/dialogs.py" line="48"/>
        <source>Private key file</source>
        <translation>Archivo de la clave privada</translation>
    </message>
    <message>
        <location filename="../studio/dialogs.py" line="49"/>
        <location filename="../studio/dialogs.py" line="64"/>
        <source>Publish folder</source>
        <translation>Carpeta de publicación</translation>
    </message>
    <message>
        <location filename="../studio/dialogs.py" line="52"/>
        <location filename="../studio/dialogs.py" line="58"/>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <location filename="../studio/dialogs.py" line="53"/>
        <source>Choose the private key file</source>
        <translation>Elegir el archivo de la clave privada</translation>
    </message>
    <message>
        <location filename="../studio/dialogs.py" line="59"/>
        <source>Choose the publish folder</source>
        <translation>Elegir la carpeta de publicación</translation>
    </message>
    <message>
        <location filename="../studio/dialogs.py" line="63"/>
        <source>Private key (content.key)</source>
        <translation>Clave privada (content.key)</translation>
    </message>
    <message>
        <location filename="../studio/dialogs.py" line="67"/>
        <source>The saved content is checked, signed with the key and written to the publish folder. Copy that folder to where the kiosks look (a bucket, a web server or a shared folder); each kiosk then takes it at its next check.</source>
        <translation>El contenido guardado se revisa, se firma con la clave y se escribe en la carpeta de publicación. Copie esa carpeta adonde consultan los quioscos (un bucket, un servidor web o una carpeta compartida); cada quiosco la toma en su siguiente revisión.</translation>
    </message>
    <message>
        <location filename="../studio/dialogs.py" line="74"/>
        <source>Publish</source>
        <translation>Publicar</translation>
    </message>
    <message>
        <location filename="../studio/dialogs.py" line="84"/>
        <source>The private key</source>
        <translation>La clave privada</translation>
    </message>
    <message>
        <location filename="../studio/dialogs.py" line="90"/>
        <source>The publish folder</source>
        <translation>La carpeta de publicación</translation>
    </message>
</context>
<context>
    <name>ScheduleInput</name>
    <message>
        <location filename="../studio/field_inputs.py" line="746"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="747"/>
        <source>Until (the whole day)</source>
        <translation>Hasta (todo el día)</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="753"/>
        <source>Mon</source>
        <translation>Lun</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="754"/>
        <source>Tue</source>
        <translation>Mar</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="755"/>
        <source>Wed</source>
        <translation>Mié</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="756"/>
        <source>Thu</source>
        <translation>Jue</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="757"/>
        <source>Fri</source>
        <translation>Vie</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="758"/>
        <source>Sat</source>
        <translation>Sáb</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="759"/>
        <source>Sun</source>
        <translation>Dom</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="770"/>
        <location filename="../studio/field_inputs.py" line="773"/>
        <source>Hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="772"/>
        <source>all day, or e.g. 07:00-11:00, 16:00-19:00</source>
        <translation>todo el día, o por ejemplo 07:00-11:00, 16:00-19:00</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="799"/>
        <source>This schedule is written in a way the studio cannot show: {raw}</source>
        <translation>Este horario está escrito de una forma que el estudio no puede mostrar: {raw}</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="806"/>
        <source>Hours are written like 07:00-11:00, separated by commas.</source>
        <translation>El horario se escribe así: 07:00-11:00, separado por comas.</translation>
    </message>
</context>
<context>
    <name>SlideDelegate</name>
    <message numerus="yes">
        <location filename="../studio/slide_list.py" line="287"/>
        <source>%n problem(s) to fix</source>
        <extracomment>The thumbnail&apos;s size in the list (16:9), and the size slides are drawn at for it.</extracomment>
        <translation>
            <numerusform>%n problema por corregir</numerusform>
            <numerusform>%n problemas por corregir</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../studio/slide_list.py" line="289"/>
        <source>needs its text</source>
        <translation>falta su texto</translation>
    </message>
    <message numerus="yes">
        <location filename="../studio/slide_list.py" line="291"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n advertencia</numerusform>
            <numerusform>%n advertencias</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StudioWindow</name>
    <message>
        <location filename="../studio/window.py" line="109"/>
        <source>Kiosk Studio — {folder}</source>
        <extracomment>Quiet time after an edit before the whole pack is checked again. Images the render service keeps for thumbnails (bytes). A check finished and its problems are shown (tests wait for it). A save finished (saved or refused). A publish finished (a Published, or the PublishFailed).</extracomment>
        <translation>Estudio del quiosco — {folder}</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="112"/>
        <source>Slides, in the order they play</source>
        <translation>Diapositivas, en el orden en que se muestran</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="115"/>
        <source>Show the slides of one topic</source>
        <translation>Mostrar las diapositivas de un tema</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="120"/>
        <source>Add slide</source>
        <translation>Añadir diapositiva</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="121"/>
        <source>Add a slide</source>
        <translation>Añadir una diapositiva</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="128"/>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="129"/>
        <location filename="../studio/window.py" line="288"/>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="130"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="131"/>
        <source>Deleted slides…</source>
        <translation>Diapositivas eliminadas…</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="140"/>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="160"/>
        <source>Slide</source>
        <translation>Diapositiva</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="161"/>
        <source>Clinic details and colours</source>
        <translation>Datos y colores de la clínica</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="162"/>
        <source>Notices</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="163"/>
        <source>What plays when</source>
        <translation>Qué se muestra y cuándo</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="179"/>
        <source>Problems to fix before saving</source>
        <translation>Problemas por corregir antes de guardar</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="182"/>
        <location filename="../studio/window.py" line="314"/>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="200"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="201"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="204"/>
        <source>&amp;Publish to the kiosks…</source>
        <translation>&amp;Publicar en los quioscos…</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="206"/>
        <source>Earlier &amp;versions…</source>
        <translation>&amp;Versiones anteriores…</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="209"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="217"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="218"/>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="221"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="227"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="228"/>
        <source>Studio language</source>
        <translation>Idioma del estudio</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="235"/>
        <source>Kiosk &amp;insights…</source>
        <translation>&amp;Estadísticas del quiosco…</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="253"/>
        <source>Playing now</source>
        <translation>Se muestra ahora</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="254"/>
        <source>Not playing now</source>
        <translation>No se muestra ahora</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="254"/>
        <source>(next: {when})</source>
        <translation>(próxima vez: {when})</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="255"/>
        <source>Starts on {when}</source>
        <translation>Empieza el {when}</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="256"/>
        <source>Ended on {when}</source>
        <translation>Terminó el {when}</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="257"/>
        <source>Never plays: check its days and dates</source>
        <translation>Nunca se muestra: revise sus días y fechas</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="258"/>
        <source>Hidden</source>
        <translation>Oculta</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="259"/>
        <source>Not in the play order</source>
        <translation>No está en el orden de presentación</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="260"/>
        <source>Its schedule has a problem</source>
        <translation>Su horario tiene un problema</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="270"/>
        <source>All topics</source>
        <translation>Todos los temas</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="288"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="292"/>
        <source>&amp;Undo {what}</source>
        <translation>&amp;Deshacer {what}</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="293"/>
        <source>&amp;Redo {what}</source>
        <translation>&amp;Rehacer {what}</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="299"/>
        <source>checking…</source>
        <translation>revisando…</translation>
    </message>
    <message numerus="yes">
        <location filename="../studio/window.py" line="301"/>
        <source>%n problem(s) to fix before it can be saved</source>
        <translation>
            <numerusform>%n problema por corregir antes de poder guardar</numerusform>
            <numerusform>%n problemas por corregir antes de poder guardar</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="303"/>
        <source>no problems</source>
        <translation>sin problemas</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="304"/>
        <location filename="../studio/window.py" line="649"/>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="304"/>
        <source>Everything is saved</source>
        <translation>Todo está guardado</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="314"/>
        <source>Problems ({count})</source>
        <translation>Problemas ({count})</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="370"/>
        <source>Choose a picture</source>
        <translation>Elija una imagen</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="375"/>
        <location filename="../studio/window.py" line="378"/>
        <source>Kiosk Studio</source>
        <translation>Estudio del quiosco</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="436"/>
        <source>Deleted “{title}”. Undo, or bring it back from Deleted slides.</source>
        <translation>Se eliminó «{title}». Puede deshacerlo o recuperarla desde Diapositivas eliminadas.</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="499"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message numerus="yes">
        <location filename="../studio/window.py" line="510"/>
        <source>Saved: %n file(s) written. The kiosk shows it within seconds.</source>
        <translation>
            <numerusform>Guardado: se escribió %n archivo. El quiosco lo muestra en unos segundos.</numerusform>
            <numerusform>Guardado: se escribieron %n archivos. El quiosco lo muestra en unos segundos.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="514"/>
        <source>Nothing was saved. Fix these first:

{problems}</source>
        <translation>No se guardó nada. Corrija esto primero:

{problems}</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="518"/>
        <source>Nothing was saved: someone else changed {files} since the studio opened them. Close the studio and open it again to see their changes (yours are lost), or undo yours.</source>
        <translation>No se guardó nada: otra persona cambió {files} después de que el estudio los abrió. Cierre el estudio y vuelva a abrirlo para ver esos cambios (los suyos se pierden), o deshaga los suyos.</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="523"/>
        <source>The content could not be saved: {error}</source>
        <translation>No se pudo guardar el contenido: {error}</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="530"/>
        <source>The content could not be saved (an error in the studio; see its log).</source>
        <translation>No se pudo guardar el contenido (un error del estudio; vea su registro).</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="534"/>
        <source>Save your changes first: only saved content is published.</source>
        <translation>Guarde primero sus cambios: solo se publica el contenido guardado.</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="542"/>
        <source>Publishing…</source>
        <translation>Publicando…</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="555"/>
        <source>Published version {serial} to {folder}. Copy that folder to where the kiosks look.</source>
        <translation>Se publicó la versión {serial} en {folder}. Copie esa carpeta adonde consultan los quioscos.</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="558"/>
        <source>Warning: other users of this computer can read the private key.</source>
        <translation>Atención: otros usuarios de esta computadora pueden leer la clave privada.</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="565"/>
        <source>Nothing was published: {reason}</source>
        <translation>No se publicó nada: {reason}</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="580"/>
        <source>Restore a version</source>
        <translation>Restaurar una versión</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="580"/>
        <source>Your unsaved changes will be lost. Restore anyway?</source>
        <translation>Se perderán los cambios sin guardar. ¿Restaurar de todos modos?</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="625"/>
        <source>Restored {version}.</source>
        <translation>Se restauró {version}.</translation>
    </message>
    <message>
        <location filename="../studio/window.py" line="650"/>
        <source>Save your changes before closing?</source>
        <translation>¿Guardar los cambios antes de cerrar?</translation>
    </message>
</context>
<context>
    <name>TextInput</name>
    <message>
        <location filename="../studio/field_inputs.py" line="193"/>
        <source>{used} of {limit}</source>
        <extracomment>The content folder: pictures are previewed from it. Asks staff for a picture file (None: cancelled). Tells staff something went wrong (a picture that cannot be used...). Model undo and redo, also from inside a text box (whose own undo would shadow them). The input changed the model (the editor panel refreshes the other fields).</extracomment>
        <translation>{used} de {limit}</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="195"/>
        <source>{used} of {limit} characters</source>
        <translation>{used} de {limit} caracteres</translation>
    </message>
</context>
<context>
    <name>TextListInput</name>
    <message>
        <location filename="../studio/field_inputs.py" line="214"/>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="215"/>
        <source>Add an item to {field}</source>
        <translation>Añadir un elemento a {field}</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="240"/>
        <source>At most {count}</source>
        <translation>Como máximo {count}</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="263"/>
        <source>{field} {number} ({language})</source>
        <translation>{field} {number} ({language})</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="276"/>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="277"/>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="288"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="289"/>
        <source>Remove {number}</source>
        <translation>Quitar {number}</translation>
    </message>
</context>
<context>
    <name>TopicsInput</name>
    <message>
        <location filename="../studio/field_inputs.py" line="925"/>
        <source>Add a topic</source>
        <translation>Añadir un tema</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="954"/>
        <source>Topic {number} id</source>
        <translation>Identificador del tema {number}</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="963"/>
        <source>Topic {number} title ({language})</source>
        <translation>Título del tema {number} ({language})</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="973"/>
        <source>Remove this topic</source>
        <translation>Quitar este tema</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="974"/>
        <source>Remove topic {number}</source>
        <translation>Quitar el tema {number}</translation>
    </message>
</context>
<context>
    <name>UnreadableInput</name>
    <message>
        <location filename="../studio/field_inputs.py" line="655"/>
        <source>Clear it</source>
        <translation>Borrarlo</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="656"/>
        <source>Remove what is written here, then fill the field in again</source>
        <translation>Quite lo que está escrito aquí y vuelva a llenar el campo</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <location filename="../studio/dialogs.py" line="110"/>
        <source>Earlier versions</source>
        <translation>Versiones anteriores</translation>
    </message>
    <message>
        <location filename="../studio/dialogs.py" line="112"/>
        <source>Versions, newest first</source>
        <translation>Versiones, la más reciente primero</translation>
    </message>
    <message>
        <location filename="../studio/dialogs.py" line="121"/>
        <source>Each version here once played on the kiosk. Restoring one puts it back in the content folder; the kiosk shows it within seconds. Unsaved changes are lost.</source>
        <translation>Cada versión de esta lista se mostró alguna vez en el quiosco. Al restaurar una, vuelve a la carpeta de contenido y el quiosco la muestra en unos segundos. Los cambios sin guardar se pierden.</translation>
    </message>
    <message>
        <location filename="../studio/dialogs.py" line="127"/>
        <source>Restore this version</source>
        <translation>Restaurar esta versión</translation>
    </message>
</context>
<context>
    <name>WhatPlays</name>
    <message>
        <location filename="../studio/dialogs.py" line="184"/>
        <source>Day and time</source>
        <translation>Día y hora</translation>
    </message>
    <message>
        <location filename="../studio/dialogs.py" line="187"/>
        <source>Slides that play then, in order</source>
        <translation>Diapositivas que se muestran entonces, en orden</translation>
    </message>
    <message>
        <location filename="../studio/dialogs.py" line="191"/>
        <source>What plays on</source>
        <translation>Qué se muestra el</translation>
    </message>
    <message>
        <location filename="../studio/dialogs.py" line="207"/>
        <source>? {title}: its schedule has a problem</source>
        <translation>? {title}: su horario tiene un problema</translation>
    </message>
    <message numerus="yes">
        <location filename="../studio/dialogs.py" line="209"/>
        <source>%n slide(s) play at that time, in this order:</source>
        <translation>
            <numerusform>A esa hora se muestra %n diapositiva:</numerusform>
            <numerusform>A esa hora se muestran %n diapositivas, en este orden:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../studio/dialogs.py" line="211"/>
        <source>Nothing plays then: the kiosk shows its welcome screen.</source>
        <translation>A esa hora no se muestra nada: el quiosco presenta su pantalla de bienvenida.</translation>
    </message>
</context>
<context>
    <name>_Bound</name>
    <message>
        <location filename="../studio/field_inputs.py" line="690"/>
        <source>at</source>
        <translation>a las</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="697"/>
        <source>{bound} day</source>
        <translation>Día ({bound})</translation>
    </message>
    <message>
        <location filename="../studio/field_inputs.py" line="698"/>
        <source>{bound} time</source>
        <translation>Hora ({bound})</translation>
    </message>
</context>
</TS>
