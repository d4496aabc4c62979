<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>BrowseScreen</name>
    <message>
        <location filename="../menu/browse_screen.py" line="363"/>
        <source>Important notice: %1</source>
        <extracomment>How far the slide is scrolled up, in view pixels. Renders asked for and not back yet.</extracomment>
        <translation>Aviso importante: %1</translation>
    </message>
    <message>
        <location filename="../menu/browse_screen.py" line="363"/>
        <source>Notice: %1</source>
        <translation>Aviso: %1</translation>
    </message>
    <message>
        <location filename="../menu/browse_screen.py" line="485"/>
        <source>This slide cannot be shown.</source>
        <translation>Esta diapositiva no se puede mostrar.</translation>
    </message>
    <message>
        <location filename="../menu/browse_screen.py" line="553"/>
        <source>Slide %1 of %2</source>
        <translation>Diapositiva %1 de %2</translation>
    </message>
    <message>
        <location filename="../menu/browse_screen.py" line="557"/>
        <source>‹ Previous</source>
        <translation>‹ Anterior</translation>
    </message>
    <message>
        <location filename="../menu/browse_screen.py" line="558"/>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <location filename="../menu/browse_screen.py" line="558"/>
        <source>Shows the previous slide of this topic.</source>
        <translation>Muestra la diapositiva anterior de este tema.</translation>
    </message>
    <message>
        <location filename="../menu/browse_screen.py" line="559"/>
        <source>Next ›</source>
        <translation>Siguiente ›</translation>
    </message>
    <message>
        <location filename="../menu/browse_screen.py" line="560"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location filename="../menu/browse_screen.py" line="560"/>
        <source>Shows the next slide of this topic.</source>
        <translation>Muestra la siguiente diapositiva de este tema.</translation>
    </message>
    <message>
        <location filename="../menu/browse_screen.py" line="561"/>
        <location filename="../menu/browse_screen.py" line="562"/>
        <source>All topics</source>
        <translation>Todos los temas</translation>
    </message>
    <message>
        <location filename="../menu/browse_screen.py" line="562"/>
        <source>Back to the menu with all topics.</source>
        <translation>Vuelve al menú con todos los temas.</translation>
    </message>
    <message>
        <location filename="../menu/browse_screen.py" line="563"/>
        <location filename="../menu/browse_screen.py" line="564"/>
        <source>Read aloud</source>
        <translation>Leer en voz alta</translation>
    </message>
    <message>
        <location filename="../menu/browse_screen.py" line="564"/>
        <source>Reads this slide out loud.</source>
        <translation>Lee esta diapositiva en voz alta.</translation>
    </message>
    <message>
        <location filename="../menu/browse_screen.py" line="565"/>
        <location filename="../menu/browse_screen.py" line="570"/>
        <source>Request more information about this</source>
        <translation>Pedir más información sobre esto</translation>
    </message>
    <message>
        <location filename="../menu/browse_screen.py" line="571"/>
        <source>Leave your contact details and the clinic will contact you about this topic.</source>
        <translation>Deje sus datos de contacto y la clínica se comunicará con usted sobre este tema.</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../menu/idle_overlay.py" line="60"/>
        <source>For your privacy, the screen will start over in 1 second.</source>
        <translation>Por su privacidad, la pantalla volverá al inicio en 1 segundo.</translation>
    </message>
    <message>
        <location filename="../menu/idle_overlay.py" line="62"/>
        <source>For your privacy, the screen will start over in %1 seconds.</source>
        <translation>Por su privacidad, la pantalla volverá al inicio en %1 segundos.</translation>
    </message>
    <message>
        <location filename="../menu/idle_overlay.py" line="66"/>
        <location filename="../menu/idle_overlay.py" line="69"/>
        <source>Are you still there?</source>
        <translation>¿Sigue ahí?</translation>
    </message>
    <message>
        <location filename="../menu/idle_overlay.py" line="70"/>
        <location filename="../menu/idle_overlay.py" line="71"/>
        <source>I&apos;m still here</source>
        <translation>Sigo aquí</translation>
    </message>
    <message>
        <location filename="../menu/idle_overlay.py" line="71"/>
        <source>Keeps your choices and carries on.</source>
        <translation>Conserva sus opciones y continúa.</translation>
    </message>
</context>
<context>
    <name>MenuScreen</name>
    <message>
        <location filename="../menu/menu_screen.py" line="215"/>
        <source>What would you like to know?</source>
        <translation>¿Qué le gustaría saber?</translation>
    </message>
    <message>
        <location filename="../menu/menu_screen.py" line="216"/>
        <location filename="../menu/menu_screen.py" line="219"/>
        <source>Request more information</source>
        <translation>Pedir más información</translation>
    </message>
    <message>
        <location filename="../menu/menu_screen.py" line="220"/>
        <source>Leave your name and phone or email, and the clinic will contact you.</source>
        <translation>Deje su nombre y su teléfono o correo electrónico, y la clínica se comunicará con usted.</translation>
    </message>
    <message>
        <location filename="../menu/menu_screen.py" line="222"/>
        <source>Language and display</source>
        <translation>Idioma y pantalla</translation>
    </message>
    <message>
        <location filename="../menu/menu_screen.py" line="226"/>
        <source>Show the screens in English.</source>
        <translation>Muestra las pantallas en inglés.</translation>
    </message>
    <message>
        <location filename="../menu/menu_screen.py" line="227"/>
        <source>Show the screens in Spanish.</source>
        <translation>Muestra las pantallas en español.</translation>
    </message>
    <message>
        <location filename="../menu/menu_screen.py" line="231"/>
        <location filename="../menu/menu_screen.py" line="232"/>
        <source>Larger text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <location filename="../menu/menu_screen.py" line="232"/>
        <source>Makes all text on the screens larger.</source>
        <translation>Agranda todo el texto de las pantallas.</translation>
    </message>
    <message>
        <location filename="../menu/menu_screen.py" line="233"/>
        <location filename="../menu/menu_screen.py" line="236"/>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <location filename="../menu/menu_screen.py" line="237"/>
        <source>Shows the screens in black, white and yellow.</source>
        <translation>Muestra las pantallas en negro, blanco y amarillo.</translation>
    </message>
    <message>
        <location filename="../menu/menu_screen.py" line="239"/>
        <location filename="../menu/menu_screen.py" line="240"/>
        <source>Back to slideshow</source>
        <translation>Volver a la presentación</translation>
    </message>
    <message>
        <location filename="../menu/menu_screen.py" line="240"/>
        <source>Closes the menu and forgets your choices.</source>
        <translation>Cierra el menú y borra sus opciones.</translation>
    </message>
    <message>
        <location filename="../menu/menu_screen.py" line="251"/>
        <source>Shows the slides about %1.</source>
        <translation>Muestra las diapositivas sobre %1.</translation>
    </message>
    <message>
        <location filename="../menu/menu_screen.py" line="258"/>
        <source>1 slide</source>
        <translation>1 diapositiva</translation>
    </message>
    <message>
        <location filename="../menu/menu_screen.py" line="259"/>
        <source>%1 slides</source>
        <translation>%1 diapositivas</translation>
    </message>
</context>
<context>
    <name>MoreBelow</name>
    <message>
        <location filename="../scroll_cue.py" line="90"/>
        <source>More below</source>
        <extracomment>Height of the fade, in pixels at 1080p. How much of the visible height a tap scrolls (some of what was seen stays in view).</extracomment>
        <translation>Hay más abajo</translation>
    </message>
    <message>
        <location filename="../scroll_cue.py" line="92"/>
        <source>Scrolls down to show more.</source>
        <translation>Desplaza hacia abajo para mostrar más.</translation>
    </message>
    <message>
        <location filename="../scroll_cue.py" line="94"/>
        <source>Back to the top</source>
        <translation>Volver arriba</translation>
    </message>
    <message>
        <location filename="../scroll_cue.py" line="96"/>
        <source>Scrolls back up to the top.</source>
        <translation>Desplaza de nuevo hasta arriba.</translation>
    </message>
</context>
<context>
    <name>NoticeBannerView</name>
    <message>
        <location filename="../notices/banner_view.py" line="92"/>
        <source>No notice</source>
        <translation>Sin avisos</translation>
    </message>
    <message>
        <location filename="../notices/banner_view.py" line="96"/>
        <source>Important notice</source>
        <translation>Aviso importante</translation>
    </message>
    <message>
        <location filename="../notices/banner_view.py" line="96"/>
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <location filename="../notices/banner_view.py" line="99"/>
        <source>%1, %2 of %3</source>
        <translation>%1, %2 de %3</translation>
    </message>
</context>
<context>
    <name>PlayerWindow</name>
    <message>
        <location filename="../slideshow/window.py" line="242"/>
        <source>Slideshow</source>
        <extracomment>The notices banner, in the room the frame on screen keeps for it (a label child: assistive technology reads it). None when the kiosk has no notices board.</extracomment>
        <translation>Presentación de diapositivas</translation>
    </message>
    <message>
        <location filename="../slideshow/window.py" line="242"/>
        <source>Tap anywhere on the screen to open the menu.</source>
        <translation>Toque cualquier parte de la pantalla para abrir el menú.</translation>
    </message>
    <message>
        <location filename="../slideshow/window.py" line="251"/>
        <source>Open the menu</source>
        <translation>Abrir el menú</translation>
    </message>
    <message>
        <location filename="../slideshow/window.py" line="252"/>
        <source>Shows the topics, the request form and the display settings.</source>
        <translation>Muestra los temas, el formulario de solicitud y las opciones de pantalla.</translation>
    </message>
    <message>
        <location filename="../slideshow/window.py" line="261"/>
        <source>%1 slides</source>
        <translation>%1 diapositivas</translation>
    </message>
    <message>
        <location filename="../slideshow/window.py" line="262"/>
        <source>Slide %1 of %2</source>
        <translation>Diapositiva %1 de %2</translation>
    </message>
</context>
<context>
    <name>UnavailableScreen</name>
    <message>
        <location filename="../menu/placeholder_screen.py" line="39"/>
        <source>Requests are not available right now</source>
        <translation>Las solicitudes no están disponibles en este momento</translation>
    </message>
    <message>
        <location filename="../menu/placeholder_screen.py" line="40"/>
        <source>Please ask at the front desk for more information.</source>
        <translation>Por favor, pida más información en la recepción.</translation>
    </message>
    <message>
        <location filename="../menu/placeholder_screen.py" line="41"/>
        <location filename="../menu/placeholder_screen.py" line="42"/>
        <source>Back to the menu</source>
        <translation>Volver al menú</translation>
    </message>
    <message>
        <location filename="../menu/placeholder_screen.py" line="42"/>
        <source>Shows all topics again.</source>
        <translation>Muestra todos los temas de nuevo.</translation>
    </message>
</context>
</TS>
