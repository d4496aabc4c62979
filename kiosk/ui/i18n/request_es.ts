<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <location filename="../request/keyboard.py" line="275"/>
        <source>space</source>
        <extracomment>Key height at 1920x1080 (the touch minimum is 72). Widest a key may grow at 1920x1080, so a short row does not turn into a few huge keys. Widest the phone pad may grow at 1920x1080: digits far apart slow older users down. Font size of key labels at 1920x1080. Relative width in key units (a plain letter is 1).</extracomment>
        <translation>espacio</translation>
    </message>
    <message>
        <location filename="../request/keyboard.py" line="275"/>
        <source>Space</source>
        <translation>Espacio</translation>
    </message>
    <message>
        <location filename="../request/keyboard.py" line="275"/>
        <source>Types a space</source>
        <translation>Escribe un espacio</translation>
    </message>
    <message>
        <location filename="../request/keyboard.py" line="276"/>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location filename="../request/keyboard.py" line="276"/>
        <source>Deletes the letter before the cursor</source>
        <translation>Borra la letra antes del cursor</translation>
    </message>
    <message>
        <location filename="../request/keyboard.py" line="277"/>
        <source>Shift</source>
        <translation>Mayúscula</translation>
    </message>
    <message>
        <location filename="../request/keyboard.py" line="277"/>
        <source>Types the next letter in upper case</source>
        <translation>Escribe la siguiente letra en mayúscula</translation>
    </message>
    <message>
        <location filename="../request/keyboard.py" line="278"/>
        <source>Caps lock</source>
        <translation>Bloqueo de mayúsculas</translation>
    </message>
    <message>
        <location filename="../request/keyboard.py" line="278"/>
        <source>Types every letter in upper case until tapped again</source>
        <translation>Escribe todas las letras en mayúscula hasta que lo toque otra vez</translation>
    </message>
    <message>
        <location filename="../request/keyboard.py" line="279"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location filename="../request/keyboard.py" line="279"/>
        <source>Next field</source>
        <translation>Campo siguiente</translation>
    </message>
    <message>
        <location filename="../request/keyboard.py" line="279"/>
        <source>Moves to the next field</source>
        <translation>Pasa al campo siguiente</translation>
    </message>
    <message>
        <location filename="../request/keyboard.py" line="280"/>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <location filename="../request/keyboard.py" line="280"/>
        <source>Done typing</source>
        <translation>Terminé de escribir</translation>
    </message>
    <message>
        <location filename="../request/keyboard.py" line="280"/>
        <source>Hides the keyboard</source>
        <translation>Oculta el teclado</translation>
    </message>
    <message>
        <location filename="../request/keyboard.py" line="290"/>
        <source>Types %1</source>
        <translation>Escribe %1</translation>
    </message>
</context>
<context>
    <name>RequestMessages</name>
    <message>
        <location filename="../request/messages.py" line="14"/>
        <source>Please enter your name.</source>
        <translation>Por favor, escriba su nombre.</translation>
    </message>
    <message>
        <location filename="../request/messages.py" line="15"/>
        <source>Please shorten your name to %1 characters or fewer.</source>
        <translation>Por favor, acorte su nombre a %1 caracteres o menos.</translation>
    </message>
    <message>
        <location filename="../request/messages.py" line="18"/>
        <source>Your name can only contain letters, spaces and punctuation.</source>
        <translation>Su nombre solo puede tener letras, espacios y signos de puntuación.</translation>
    </message>
    <message>
        <location filename="../request/messages.py" line="21"/>
        <source>Please enter a phone number or an email address so we can reach you.</source>
        <translation>Por favor, escriba un número de teléfono o un correo electrónico para poder contactarlo.</translation>
    </message>
    <message>
        <location filename="../request/messages.py" line="24"/>
        <source>Enter a phone number like 303-555-0123 or +52 55 1234 5678</source>
        <translation>Escriba un teléfono como 303-555-0123 o +52 55 1234 5678</translation>
    </message>
    <message>
        <location filename="../request/messages.py" line="27"/>
        <source>Enter an email address like name@example.com</source>
        <translation>Escriba un correo como nombre@ejemplo.com</translation>
    </message>
    <message>
        <location filename="../request/messages.py" line="28"/>
        <source>That email address is too long (at most %1 characters).</source>
        <translation>Ese correo electrónico es demasiado largo (%1 caracteres como máximo).</translation>
    </message>
    <message>
        <location filename="../request/messages.py" line="31"/>
        <source>One of the chosen topics is not offered here; please choose again.</source>
        <translation>Uno de los temas elegidos no se ofrece aquí; por favor, elija de nuevo.</translation>
    </message>
    <message>
        <location filename="../request/messages.py" line="34"/>
        <source>Please choose at most %1 topics.</source>
        <translation>Por favor, elija %1 temas como máximo.</translation>
    </message>
    <message>
        <location filename="../request/messages.py" line="35"/>
        <source>Please choose morning, afternoon, evening or any time.</source>
        <translation>Por favor, elija mañana, tarde, noche o cualquier hora.</translation>
    </message>
    <message>
        <location filename="../request/messages.py" line="38"/>
        <source>Please tick the box to agree that the clinic may contact you.</source>
        <translation>Por favor, marque la casilla para aceptar que la clínica lo contacte.</translation>
    </message>
    <message>
        <location filename="../request/messages.py" line="41"/>
        <source>Please choose English or Spanish.</source>
        <translation>Por favor, elija inglés o español.</translation>
    </message>
    <message>
        <location filename="../request/messages.py" line="42"/>
        <source>The topic this request came from is not offered here.</source>
        <translation>El tema de esta solicitud no se ofrece aquí.</translation>
    </message>
</context>
<context>
    <name>RequestScreen</name>
    <message>
        <location filename="../request/form_screen.py" line="437"/>
        <location filename="../request/form_screen.py" line="439"/>
        <source>Request more information</source>
        <extracomment>Height of fields, chips and buttons at 1920x1080 (the touch minimum is 72). Default retention of delivered requests (kiosk.yaml ``retention_days``), for the privacy note. The thank-you screen is done (timeout or &quot;Done&quot;); the shell goes home. The patient cancelled; the shell goes back (to the menu). A request id, after the store acknowledged it. The topic ids of the request just stored, and nothing else about it: the insights count requests per topic from these (kiosk/ui/insights/recorder.py).</extracomment>
        <translation>Solicitar más información</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="438"/>
        <source>Leave your details and the clinic will contact you.</source>
        <translation>Déjenos sus datos y la clínica se comunicará con usted.</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="440"/>
        <location filename="../request/form_screen.py" line="441"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="441"/>
        <source>Clears the form and goes back</source>
        <translation>Borra el formulario y regresa</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="444"/>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="487"/>
        <source>Type your name with the keyboard below</source>
        <translation>Escriba su nombre con el teclado de abajo</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="445"/>
        <source>Phone number</source>
        <translation>Número de teléfono</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="488"/>
        <source>Type your phone number with the number pad below</source>
        <translation>Escriba su número de teléfono con el teclado numérico de abajo</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="446"/>
        <source>Email address</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="489"/>
        <source>Type your email address with the keyboard below</source>
        <translation>Escriba su correo electrónico con el teclado de abajo</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="451"/>
        <source>A phone number or an email address is enough.</source>
        <translation>Basta con un número de teléfono o un correo electrónico.</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="452"/>
        <source>What would you like to know more about?</source>
        <translation>¿Sobre qué le gustaría saber más?</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="456"/>
        <source>Tap to choose or un-choose this topic</source>
        <translation>Toque para elegir o quitar este tema</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="457"/>
        <source>When should we contact you?</source>
        <translation>¿Cuándo prefiere que lo contactemos?</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="459"/>
        <source>Morning</source>
        <translation>Mañana</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="460"/>
        <source>Afternoon</source>
        <translation>Tarde</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="461"/>
        <source>Evening</source>
        <translation>Noche</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="462"/>
        <source>Any time</source>
        <translation>Cualquier hora</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="467"/>
        <source>Preferred time for the clinic to contact you</source>
        <translation>Hora preferida para que la clínica lo contacte</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="468"/>
        <source>I agree that the clinic may contact me.</source>
        <translation>Acepto que la clínica me contacte.</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="490"/>
        <source>Required to send the request</source>
        <translation>Necesario para enviar la solicitud</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="472"/>
        <source>Your name, phone or email and your choices are kept on this kiosk only until the clinic&apos;s front desk has received them, and are deleted %1 days after that. Only clinic staff see them.</source>
        <translation>Su nombre, su teléfono o correo y lo que eligió se guardan en este quiosco solo hasta que la recepción de la clínica los recibe, y se borran %1 días después. Solo el personal de la clínica los ve.</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="519"/>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="522"/>
        <source>Send my request</source>
        <translation>Enviar mi solicitud</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="523"/>
        <source>Add your name</source>
        <translation>Escriba su nombre</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="524"/>
        <source>Add a phone number or email</source>
        <translation>Escriba un teléfono o correo</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="525"/>
        <source>Tick the box to agree</source>
        <translation>Marque la casilla para aceptar</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="526"/>
        <source>Add your name and a phone number or email</source>
        <translation>Escriba su nombre y un teléfono o correo</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="527"/>
        <source>Add your name and tick the box</source>
        <translation>Escriba su nombre y marque la casilla</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="528"/>
        <source>Add a phone number or email and tick the box</source>
        <translation>Escriba un teléfono o correo y marque la casilla</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="530"/>
        <source>Add your name, a phone number or email, and tick the box</source>
        <translation>Escriba su nombre y un teléfono o correo, y marque la casilla</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="546"/>
        <source>Sends your request to the clinic</source>
        <translation>Envía su solicitud a la clínica</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="546"/>
        <source>Shows what is still missing</source>
        <translation>Muestra lo que falta</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="578"/>
        <source>We could not save your request. Please ask the front desk.</source>
        <translation>No pudimos guardar su solicitud. Por favor, pregunte en la recepción.</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="646"/>
        <source>Not sent yet: 1 problem to fix.</source>
        <translation>Aún no se ha enviado: hay 1 problema que corregir.</translation>
    </message>
    <message>
        <location filename="../request/form_screen.py" line="648"/>
        <source>Not sent yet: %1 problems to fix.</source>
        <translation>Aún no se ha enviado: hay %1 problemas que corregir.</translation>
    </message>
</context>
<context>
    <name>ThanksScreen</name>
    <message>
        <location filename="../request/thanks_screen.py" line="213"/>
        <source>We have your request</source>
        <extracomment>A tap on &quot;Done&quot; this soon after the screen appeared is the second tap of a double tap on &quot;Send&quot;, not a choice: ignore it so the patient still reads the screen. The QR code&apos;s side at 1920x1080.</extracomment>
        <translation>Recibimos su solicitud</translation>
    </message>
    <message>
        <location filename="../request/thanks_screen.py" line="216"/>
        <source>Our front desk will contact you soon.</source>
        <translation>Nuestra recepción se comunicará con usted pronto.</translation>
    </message>
    <message>
        <location filename="../request/thanks_screen.py" line="219"/>
        <source>Questions? Call us:</source>
        <translation>¿Preguntas? Llámenos:</translation>
    </message>
    <message>
        <location filename="../request/thanks_screen.py" line="220"/>
        <source>Scan to call</source>
        <translation>Escanee para llamar</translation>
    </message>
    <message>
        <location filename="../request/thanks_screen.py" line="223"/>
        <source>QR code to call the clinic</source>
        <translation>Código QR para llamar a la clínica</translation>
    </message>
    <message>
        <location filename="../request/thanks_screen.py" line="224"/>
        <source>Scan it with your phone&apos;s camera to call %1</source>
        <translation>Escanéelo con la cámara de su teléfono para llamar al %1</translation>
    </message>
    <message>
        <location filename="../request/thanks_screen.py" line="226"/>
        <location filename="../request/thanks_screen.py" line="227"/>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <location filename="../request/thanks_screen.py" line="227"/>
        <source>Goes back to the start screen</source>
        <translation>Regresa a la pantalla de inicio</translation>
    </message>
    <message>
        <location filename="../request/thanks_screen.py" line="228"/>
        <source>This screen closes by itself in a moment.</source>
        <translation>Esta pantalla se cerrará sola en un momento.</translation>
    </message>
</context>
</TS>
