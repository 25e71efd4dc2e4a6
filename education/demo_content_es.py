"""Spanish text of the demo patient-education pages in ``demo_content.PAGES``.

Pure data, no Django imports. ``PAGES_ES`` maps each English page's ``slug`` to the
Spanish text of that page, field by field, under the same keys as in
``demo_content.PAGES``:

- ``title``, ``summary``, ``alternative_terms`` and ``reviewer_credentials``: the
  page's fields of the same name.
- ``at_a_glance``: ``time``, ``anesthesia``, ``stay`` and ``recovery``, the page's
  ``glance_time``, ``glance_anesthesia``, ``glance_stay`` and ``glance_recovery``.
- ``sections``, ``steps``, ``faqs`` and ``timeline``: lists in exactly the order of
  the English lists, the n-th Spanish item translating the n-th English one. Each
  section keeps its English ``anchor`` (it names the part; it is not translated) and
  gives ``heading`` and ``body``. Each step gives ``title`` (the part's heading),
  ``body`` and ``alt``; each question ``question`` (heading) and ``answer`` (body);
  each timeline entry ``when`` (heading) and ``body``.

What is the same in both languages is not repeated here: ``kind``, ``slug``,
``reviewed_by``, ``related`` and each step's ``illustration``. Bodies use the same
Markdown as the English ones (paragraphs, "- " lists, **bold**, the 911 link).

The text is written for Spanish-speaking patients, many of them older, in the
"usted" form: short sentences and common words, each page and each part at a
Fernández-Huerta readability of 70 or more (tests/education/test_demo_content_es.py).
Like the English text, it must be checked by real clinicians before real patients
read it.
"""

EMERGENCY = "**Llame al [911](tel:911) o vaya a la sala de emergencias más cercana**"

PAGES_ES: dict[str, dict] = {
    "kyphoplasty": {
        "title": "Cifoplastia",
        "summary": (
            "La cifoplastia trata un hueso roto de la columna que duele. Un globo "
            "pequeño abre espacio, y luego un cemento llena ese espacio para dar "
            "firmeza al hueso."
        ),
        "alternative_terms": (
            "cifoplastia con balón\ncifoplastia con globo\ncemento en la columna\n"
            "cemento óseo\naumento vertebral"
        ),
        "reviewer_credentials": "MD, especialista en tratamientos de la columna",
        "at_a_glance": {
            "time": "De 30 a 60 minutos por cada hueso tratado",
            "anesthesia": (
                "Medicina para dormir la zona y medicina para que se relaje "
                "(sedación). O anestesia general, para que esté dormido del todo."
            ),
            "stay": "Casi todos se van a casa el mismo día. Algunos pasan una noche.",
            "recovery": (
                "Casi todos caminan en pocas horas. Vuelven a tareas ligeras en "
                "unos días. No levante cosas pesadas por unas 6 semanas."
            ),
        },
        "sections": [
            {
                "anchor": "what-it-is",
                "heading": "¿Qué es la cifoplastia?",
                "body": (
                    "La cifoplastia es un tratamiento para una **fractura por "
                    "compresión**. Es una fractura de la columna. Los huesos de la "
                    "columna se llaman **vértebras**. Cuando uno se rompe así, se "
                    "aplasta y pierde altura. Esto puede doler mucho.\n"
                    "\n"
                    "El médico usa una aguja fina y hueca. La aguja entra por un "
                    "punto muy pequeño de la espalda y llega al hueso roto. Por la "
                    "aguja pasa un globo pequeño. El globo se infla, separa el hueso "
                    "y deja un espacio. Luego el globo sale, y el espacio se llena "
                    "con **cemento óseo**, un cemento para huesos. El cemento se "
                    "pone duro en pocos minutos. Así el hueso queda firme.\n"
                    "\n"
                    "La cifoplastia es **mínimamente invasiva**. Quiere decir que se "
                    "hace por una abertura muy pequeña en la piel, sin un corte "
                    "grande. Casi todos se van a casa el mismo día."
                ),
            },
            {
                "anchor": "candidates",
                "heading": "¿Quién puede recibir este tratamiento?",
                "body": (
                    "La cifoplastia puede ser buena para usted si:\n"
                    "\n"
                    "- Tiene una fractura por compresión nueva o que todavía se está "
                    "curando.\n"
                    "- Las pruebas muestran que ese hueso roto causa su dolor.\n"
                    "- El dolor es fuerte, o no lo deja hacer sus tareas de cada "
                    "día.\n"
                    "- El reposo, las medicinas o una faja para la espalda no le "
                    "han ayudado lo bastante.\n"
                    "- El dolor lo tiene en cama, o las medicinas para el dolor le "
                    "causan problemas.\n"
                    "\n"
                    "**El momento importa.** Este tratamiento suele dar mejor "
                    "resultado poco después de la fractura. Casi siempre es en las "
                    "primeras semanas, y hasta unos dos meses. Después, el hueso "
                    "puede sanar aplastado. Entonces es menos probable que ayude. "
                    "Una resonancia magnética puede mostrar si la fractura es "
                    "reciente.\n"
                    "\n"
                    "La cifoplastia tal vez **no** sea para usted si:\n"
                    "\n"
                    "- Su dolor viene de otra cosa, como un nervio pinzado o "
                    "artritis.\n"
                    "- Tiene una infección, en la columna o en otra parte del "
                    "cuerpo.\n"
                    "- Tiene un problema de sangrado que no se puede corregir.\n"
                    "- La fractura llega a la pared de atrás del hueso, cerca de la "
                    "médula espinal y los nervios. Algunas de estas fracturas "
                    "necesitan otro tratamiento.\n"
                    "- El hueso ya sanó y ya no duele.\n"
                    "- Es alérgico a algo que se usa en el tratamiento.\n"
                    "\n"
                    "Su médico verá sus estudios y hablará con usted sobre lo mejor "
                    "para su caso."
                ),
            },
            {
                "anchor": "benefits",
                "heading": "¿Qué beneficios tiene?",
                "body": (
                    "Muchas personas tienen menos dolor en uno o dos días. Algunas "
                    "se sienten mejor en unas horas. Cada persona es distinta, y no "
                    "todas se alivian del todo.\n"
                    "\n"
                    "La cifoplastia le puede ayudar a:\n"
                    "\n"
                    "- Tener menos dolor de espalda.\n"
                    "- Pararse, caminar y moverse mejor.\n"
                    "- Tomar menos medicina para el dolor.\n"
                    "- Volver antes a su vida de cada día.\n"
                    "- Recuperar parte de la altura que perdió el hueso roto.\n"
                    "- Evitar que el hueso roto se hunda más.\n"
                    "\n"
                    "No hay un corte grande, así que sana más rápido que con una "
                    "cirugía abierta. Se pierde muy poca sangre, y solo queda una "
                    "marca muy pequeña en la piel."
                ),
            },
            {
                "anchor": "prepare",
                "heading": "¿Cómo me preparo?",
                "body": (
                    "Le daremos instrucciones por escrito. Sígalas con cuidado. Esto "
                    "es lo que puede esperar:\n"
                    "\n"
                    "- **Díganos todas las medicinas que toma.** También vitaminas, "
                    "hierbas y suplementos.\n"
                    "- **Pregunte por las medicinas que hacen la sangre más "
                    "líquida.** La aspirina, la warfarina y otras como ellas suben "
                    "el riesgo de sangrado. Tal vez deba dejarlas unos días. **No "
                    "deje ninguna medicina por su cuenta.** Su médico le dirá si "
                    "debe dejarla y cuándo. Quizás también hablemos con el médico "
                    "que se la recetó.\n"
                    "- **Díganos si tiene alergias.** Avísenos si alguna vez tuvo "
                    "una reacción al tinte de rayos X, a la medicina para dormir la "
                    "zona, a la sedación o al látex.\n"
                    "- **Hágase las pruebas.** Tal vez necesite rayos X, una "
                    "resonancia o una tomografía, y análisis de sangre antes del "
                    "día del tratamiento.\n"
                    "- **No coma ni beba** por varias horas antes. A menudo es nada "
                    "después de la medianoche. Siga las horas exactas que le demos. "
                    "Pregunte si debe tomar sus pastillas de la mañana con un "
                    "poquito de agua.\n"
                    "- **Si tiene diabetes,** pregunte cómo ajustar su medicina "
                    "mientras no come.\n"
                    "- **Planee cómo volver a casa.** No puede manejar después de "
                    "la sedación. Pida a un adulto que lo lleve a casa y se quede "
                    "con usted esa noche.\n"
                    "- **Avísenos si se enferma.** Llame a la clínica si tiene "
                    "fiebre, un resfriado u otra enfermedad antes de su cita.\n"
                    "\n"
                    "Use ropa suelta y cómoda, y deje sus joyas en casa."
                ),
            },
            {
                "anchor": "risks",
                "heading": "¿Qué riesgos tiene?",
                "body": (
                    "La cifoplastia suele ser segura, y los problemas graves son "
                    "poco comunes. Pero como todo tratamiento, tiene algunos "
                    "riesgos:\n"
                    "\n"
                    "- **Infección** donde entró la aguja, o en el hueso.\n"
                    "- **Sangrado** donde entró la aguja.\n"
                    "- **Que el cemento se salga** del hueso. La mayoría de las fugas "
                    "pequeñas no causan ningún problema. Rara vez el cemento aprieta "
                    "un nervio o la médula espinal.\n"
                    "- **Irritación de un nervio.** Puede causar dolor, "
                    "adormecimiento, hormigueo o debilidad. Es raro que el daño "
                    "dure.\n"
                    "- **Reacción alérgica** a una medicina, al tinte de rayos X o "
                    "al cemento.\n"
                    "- **Que el cemento llegue a los pulmones.** Es raro. Puede "
                    "causar falta de aire y necesita atención de inmediato.\n"
                    "- **Problemas por la sedación o la anestesia,** como malestar "
                    "de estómago.\n"
                    "\n"
                    "**Pueden darse nuevas fracturas.** La cifoplastia arregla solo "
                    "el hueso tratado. Si sus huesos están débiles, otro hueso de "
                    "la columna se puede romper más tarde. A veces es uno que está "
                    "al lado del hueso tratado. Tratar la osteoporosis es la mejor "
                    "forma de bajar este riesgo.\n"
                    "\n"
                    "Su médico le explicará sus propios riesgos antes de que usted "
                    "decida."
                ),
            },
            {
                "anchor": "recovery",
                "heading": "¿Cómo es la recuperación?",
                "body": (
                    "Casi todos se recuperan pronto. Lo más probable es que camine "
                    "en pocas horas y vaya a casa el mismo día. El dolor del hueso "
                    "roto a menudo baja en uno o dos días. Donde entró la aguja le "
                    "puede doler unos días.\n"
                    "\n"
                    "Sanar lleva su tiempo, aunque se sienta bien. Siga los pasos de "
                    "abajo, y no falte a su cita de control. Su médico tal vez le "
                    "sugiera terapia física y un plan para fortalecer sus huesos."
                ),
            },
            {
                "anchor": "compared",
                "heading": (
                    "¿Qué diferencia hay entre la cifoplastia y la vertebroplastia?"
                ),
                "body": (
                    "Las dos usan cemento óseo para dar firmeza a una "
                    "fractura por compresión. Las dos son cortas y solo usan una "
                    "aguja fina. Con las dos, casi todos se van a casa el mismo "
                    "día.\n"
                    "\n"
                    "La gran diferencia es el globo:\n"
                    "\n"
                    "- **En la cifoplastia** se usa un globo para abrir un espacio en "
                    "el hueso primero. Esto puede alzar el hueso y devolverle algo "
                    "de la altura que perdió. Luego el cemento entra en ese espacio "
                    "con menos presión.\n"
                    "- **En la vertebroplastia** no se usa globo. El médico pone el "
                    "cemento por la aguja, directo en el hueso roto. Casi nunca le "
                    "devuelve la altura.\n"
                    "\n"
                    "Como el globo abre espacio primero, con la cifoplastia es menos "
                    "probable que el cemento se salga del hueso. Las dos pueden "
                    "calmar el dolor. Su médico le dirá cuál va mejor con su "
                    "fractura y su salud."
                ),
            },
            {
                "anchor": "urgent-care",
                "heading": "¿Cuándo debo buscar ayuda urgente?",
                "body": (
                    "Llame a la clínica de inmediato si tiene:\n"
                    "\n"
                    "- Fiebre de 100.4 °F (38 °C) o más, o escalofríos.\n"
                    "- Enrojecimiento, hinchazón, calor o líquido que sale de donde "
                    "entró la aguja.\n"
                    "- Sangrado que no para al apretar la zona.\n"
                    "- Dolor de espalda que empeora en vez de mejorar.\n"
                    "\n"
                    f"{EMERGENCY} si tiene:\n"
                    "\n"
                    "- Debilidad, adormecimiento u hormigueo nuevo en las piernas.\n"
                    "- Pierde el control de la vejiga o del intestino (orina o "
                    "heces).\n"
                    "- Dolor fuerte en la espalda que empieza de repente.\n"
                    "- Le falta el aire o le duele el pecho.\n"
                    "- Se le hinchan la cara, los labios o la garganta.\n"
                    "\n"
                    "Estos problemas son raros. Pero si pasan, necesita atención de "
                    "inmediato."
                ),
            },
        ],
        "steps": [
            {
                "title": "Prepararse",
                "body": (
                    "Usted se registra y se pone una bata. Una enfermera le pone un "
                    "tubito (suero o IV) en el brazo para darle líquidos y "
                    "medicinas. Se acuesta boca abajo en una mesa acolchada. El "
                    "equipo vigila su pulso, su presión y su oxígeno todo el "
                    "tiempo."
                ),
                "alt": (
                    "Una persona está boca abajo en una mesa acolchada. Una bolsa de "
                    "suero en un poste gotea por un tubo fino en el brazo. Una "
                    "pantalla muestra los latidos del corazón."
                ),
            },
            {
                "title": "Medicina para dormir la zona y para relajarse",
                "body": (
                    "Por el suero le dan medicina para que se relaje y tenga sueño. "
                    "Algunas personas reciben anestesia general, y así duermen del "
                    "todo. El médico limpia la piel de su espalda y la duerme con "
                    "una inyección."
                ),
                "alt": (
                    "Vista de cerca de la parte baja de la espalda. Una aguja "
                    "pequeña pone medicina en la piel, sobre la columna, para "
                    "dormir la zona."
                ),
            },
            {
                "title": "Poner la aguja",
                "body": (
                    "El médico hace un corte muy pequeño en la piel. Unos rayos X en "
                    "vivo, llamados **fluoroscopia**, muestran los huesos en una "
                    "pantalla. Con esa guía, el médico lleva una aguja fina y hueca "
                    "hasta el hueso roto. La aguja pasa por el **pedículo**. Es un "
                    "puente corto de hueso en la parte de atrás de la vértebra. A "
                    "veces se pone una aguja de cada lado."
                ),
                "alt": (
                    "Vista de lado de un hueso de la columna aplastado. Una aguja "
                    "fina y hueca entra por detrás, pasa por el pedículo y llega al "
                    "centro del hueso."
                ),
            },
            {
                "title": "Inflar el globo",
                "body": (
                    "Un globo pequeño y vacío entra por la aguja. El médico lo infla "
                    "con líquido poco a poco. Al crecer, separa el hueso aplastado. "
                    "Así el hueso puede subir hacia su altura normal."
                ),
                "alt": (
                    "Vista de lado del hueso de la columna con un globo azul inflado "
                    "dentro. Unas flechas muestran que la parte de arriba del hueso "
                    "sube."
                ),
            },
            {
                "title": "Sacar el globo",
                "body": (
                    "El médico desinfla el globo y lo saca. Queda un espacio hueco "
                    "dentro del hueso."
                ),
                "alt": (
                    "Vista de lado del hueso de la columna sin el globo. Queda un "
                    "espacio vacío y ovalado dentro del hueso, y la aguja sigue en "
                    "su lugar."
                ),
            },
            {
                "title": "Llenar el espacio con cemento",
                "body": (
                    "Mientras mira la pantalla de rayos X, el médico llena el "
                    "espacio con cemento para huesos, poco a poco. Al principio el "
                    "cemento es una pasta espesa. Se pone duro en pocos minutos. "
                    "Sirve de apoyo dentro del hueso y lo mantiene firme."
                ),
                "alt": (
                    "Vista de lado del hueso de la columna. Cemento gris entra por "
                    "la aguja y llena el espacio dentro del hueso."
                ),
            },
            {
                "title": "Terminar",
                "body": (
                    "El médico saca la aguja. La abertura es tan pequeña que no "
                    "necesita puntos. Se cubre con una venda pequeña."
                ),
                "alt": (
                    "Vista de cerca de la parte baja de la espalda. Ya no está la "
                    "aguja, y una venda pequeña y cuadrada cubre la abertura. No hay "
                    "puntos."
                ),
            },
            {
                "title": "Descansar mientras lo cuidamos",
                "body": (
                    "Usted descansa en la sala de recuperación y el equipo lo "
                    "vigila. Casi todos pueden pararse y caminar en pocas horas. "
                    "Luego se van a casa el mismo día."
                ),
                "alt": (
                    "Una persona descansa en una cama con la cabeza alzada. Una "
                    "flecha lleva a la misma persona, de pie y caminando, unas "
                    "horas después."
                ),
            },
        ],
        "faqs": [
            {
                "question": "¿Duele la cifoplastia?",
                "answer": (
                    "No debe sentir dolor durante el tratamiento. La medicina para "
                    "dormir la zona y la sedación, o la anestesia general, lo "
                    "mantienen cómodo. Puede sentir algo de presión. Después, le "
                    "puede doler donde entró la aguja por unos días. Suele ayudar "
                    "el hielo y una medicina simple para el dolor. Muchas personas "
                    "sienten mucho menos dolor de la fractura que antes."
                ),
            },
            {
                "question": "¿Cuánto tiempo dura?",
                "answer": (
                    "El tratamiento en sí dura de 30 a 60 minutos por cada hueso. "
                    "Piense que estará con nosotros unas horas en total. Así hay "
                    "tiempo para prepararse antes y para descansar después."
                ),
            },
            {
                "question": "¿Cuándo me puedo ir a casa?",
                "answer": (
                    "Casi todos se van a casa el mismo día, unas horas después del "
                    "tratamiento. Algunos pasan una noche. Puede pasar si se trató "
                    "más de un hueso, o si usted tiene otras necesidades de salud. "
                    "Necesita que un adulto lo lleve a casa."
                ),
            },
            {
                "question": "¿La cifoplastia evita fracturas en el futuro?",
                "answer": (
                    "Hace más fuerte el hueso tratado. Pero no protege los otros "
                    "huesos de su columna. Si tiene huesos débiles, otro hueso se "
                    "puede romper más tarde. Para bajar el riesgo, trate sus huesos "
                    "débiles, manténgase activo y cuídese de no caerse."
                ),
            },
            {
                "question": "¿El seguro paga la cifoplastia?",
                "answer": (
                    "Muchos seguros de salud la pagan cuando hace falta por razones "
                    "médicas. Pero cada plan tiene sus reglas, y algunos piden un "
                    "permiso antes. Llame a su plan para saber qué cubre. Nuestro "
                    "equipo le puede ayudar con los papeles."
                ),
            },
            {
                "question": "¿Se puede tratar más de un hueso?",
                "answer": (
                    "Sí. Si hay más de un hueso roto que duele, el médico puede "
                    "tratarlos en la misma cita. Cada hueso toma un poco más de "
                    "tiempo. Su médico decidirá cuántos se pueden tratar a la vez "
                    "sin riesgo."
                ),
            },
            {
                "question": "¿Y si espero?",
                "answer": (
                    "Muchas fracturas por compresión sanan solas en unos meses. El "
                    "reposo, las medicinas para el dolor y una faja a menudo "
                    "ayudan. Pero si el dolor sigue fuerte, esperar tiene sus "
                    "riesgos. El hueso puede sanar aplastado, y su espalda puede "
                    "quedar encorvada. Estar mucho tiempo en cama también debilita "
                    "los músculos y los huesos. La cifoplastia da mejor resultado "
                    "en las primeras semanas, hasta unos dos meses después de la "
                    "fractura. Si lo está pensando, hable pronto con su médico."
                ),
            },
        ],
        "timeline": [
            {
                "when": "Las primeras horas",
                "body": (
                    "Descansa acostado un rato mientras el cemento se endurece del "
                    "todo. El equipo lo vigila. Luego le ayudamos a sentarse y a "
                    "caminar. Casi todos se van a casa el mismo día."
                ),
            },
            {
                "when": "El primer día o dos",
                "body": (
                    "Donde entró la aguja puede doler o tener un moretón. Póngase "
                    "hielo de 15 a 20 minutos a la vez, con un paño entre el hielo "
                    "y la piel. Mantenga la venda limpia y seca. Siga lo que le "
                    "digamos sobre cómo bañarse. Puede caminar por la casa y hacer "
                    "tareas ligeras."
                ),
            },
            {
                "when": "La primera semana",
                "body": (
                    "Haga un poco más cada día. Las caminatas cortas le hacen bien. "
                    "Muchas personas vuelven a sus tareas ligeras. Tome medicina "
                    "para el dolor solo como se la indicaron. No se meta en una tina "
                    "ni en una piscina hasta que sane el sitio de la aguja. "
                    "Pregunte a su médico cuándo puede volver a manejar."
                ),
            },
            {
                "when": "De la semana 2 a la 6",
                "body": (
                    "Siga caminando y activo, pero cuide su espalda. No levante nada "
                    "de más de unas 10 libras (unos 4.5 kilos). Es un poco más que "
                    "un galón de leche. Evite agacharse, girar el cuerpo y el "
                    "ejercicio fuerte. Tal vez tenga una cita de control, y su "
                    "médico puede sugerir terapia física."
                ),
            },
            {
                "when": "Después de 6 semanas",
                "body": (
                    "Casi todos pueden volver poco a poco a lo que hacían antes. "
                    "Antes de levantar cosas pesadas, hacer deporte o ejercicio "
                    "fuerte, pregunte a su médico."
                ),
            },
            {
                "when": "A largo plazo",
                "body": (
                    "Mantenga sus huesos fuertes. Si tiene osteoporosis, un plan "
                    "para sus huesos puede bajar el riesgo de otra fractura. Puede "
                    "incluir medicinas, calcio, vitamina D, ejercicio y pasos para "
                    "no caerse. ¿Ya le hicieron una prueba para ver qué tan fuertes "
                    "están sus huesos? Si no, pregunte a su médico."
                ),
            },
        ],
    },
    "vertebroplasty": {
        "title": "Vertebroplastia",
        "summary": (
            "La vertebroplastia trata un hueso roto de la columna que duele. Se pone "
            "cemento por una aguja fina para dar firmeza al hueso y calmar el dolor."
        ),
        "alternative_terms": (
            "cemento en la columna\ncemento óseo\ninyección de cemento\n"
            "aumento vertebral"
        ),
        "reviewer_credentials": "MD, especialista en tratamientos de la columna",
        "at_a_glance": {
            "time": "De 30 a 60 minutos por cada hueso tratado",
            "anesthesia": (
                "Casi siempre, medicina para dormir la zona y medicina para que se "
                "relaje (sedación). Algunas personas reciben anestesia general."
            ),
            "stay": "Casi todos se van a casa el mismo día.",
            "recovery": (
                "Casi todos caminan en pocas horas. Vuelven a tareas ligeras en "
                "unos días. No levante cosas pesadas por unas 6 semanas."
            ),
        },
        "sections": [
            {
                "anchor": "what-it-is",
                "heading": "¿Qué es la vertebroplastia?",
                "body": (
                    "La vertebroplastia trata una **fractura por compresión**. Es "
                    "una fractura que deja aplastado un hueso de la columna, y "
                    "duele.\n"
                    "\n"
                    "El médico guía una aguja fina y hueca hasta el hueso roto. "
                    "Luego llena el hueso, poco a poco, con **cemento óseo**, un "
                    "cemento para huesos. El cemento se pone duro pronto. Sirve de "
                    "apoyo dentro del hueso. Evita que los pedazos rotos se muevan, "
                    "y eso a menudo calma el dolor.\n"
                    "\n"
                    "Se hace por una abertura muy pequeña en la piel. No hay un "
                    "corte grande, y casi todos se van a casa el mismo día."
                ),
            },
            {
                "anchor": "candidates",
                "heading": "¿Quién puede recibir este tratamiento?",
                "body": (
                    "La vertebroplastia puede ayudar si tiene una fractura por "
                    "compresión nueva o que todavía se está curando, y esa fractura "
                    "le causa dolor. Se usa más cuando el reposo, las medicinas o una "
                    "faja para la espalda no han ayudado lo bastante. Como la "
                    "cifoplastia, suele dar mejor resultado en las primeras semanas "
                    "o meses después de la fractura. Una resonancia magnética puede "
                    "mostrar si la fractura aún se está curando.\n"
                    "\n"
                    "Tal vez **no** sea para usted si:\n"
                    "\n"
                    "- Su dolor tiene otra causa.\n"
                    "- Tiene una infección.\n"
                    "- Tiene un problema de sangrado que no se puede corregir.\n"
                    "- La fractura llega a la pared de atrás del hueso, cerca de los "
                    "nervios.\n"
                    "- El hueso ya sanó.\n"
                    "- Es alérgico a algo que se usa en el tratamiento."
                ),
            },
            {
                "anchor": "benefits",
                "heading": "¿Qué beneficios tiene?",
                "body": (
                    "Muchas personas tienen menos dolor en unos días, y algunas se "
                    "sienten mejor antes. Le puede ayudar a moverse mejor y a tomar "
                    "menos medicina para el dolor. Casi nunca le devuelve al hueso "
                    "la altura que perdió.\n"
                    "\n"
                    "Los estudios sobre la vertebroplastia no dan todos el mismo "
                    "resultado. No todas las personas se alivian. Su médico le dirá "
                    "qué tan probable es que le ayude a usted."
                ),
            },
            {
                "anchor": "prepare",
                "heading": "¿Cómo me preparo?",
                "body": (
                    "Le daremos instrucciones por escrito. En general:\n"
                    "\n"
                    "- **Díganos todas las medicinas que toma,** también las que "
                    "hacen la sangre más líquida, como la aspirina o la warfarina. "
                    "**No deje ninguna medicina por su cuenta.** Su médico le dirá "
                    "qué hacer.\n"
                    "- **Díganos si tiene alergias,** por ejemplo al tinte de rayos "
                    "X o a la medicina para dormir la zona.\n"
                    "- **Hágase las pruebas.** Tal vez necesite estudios de imagen y "
                    "análisis de sangre.\n"
                    "- **No coma ni beba** por varias horas antes, como le digamos. "
                    "A menudo es nada después de la medianoche.\n"
                    "- **Planee cómo volver a casa.** Pida a un adulto que lo lleve "
                    "a casa y se quede con usted esa noche."
                ),
            },
            {
                "anchor": "risks",
                "heading": "¿Qué riesgos tiene?",
                "body": (
                    "Los problemas graves son poco comunes. Algunos riesgos son:\n"
                    "\n"
                    "- Infección o sangrado donde entró la aguja.\n"
                    "- **Que el cemento se salga** del hueso. Las fugas pequeñas "
                    "son más comunes que con la cifoplastia. La mayoría no causa "
                    "problemas, pero rara vez el cemento aprieta un nervio.\n"
                    "- Irritación de un nervio, con dolor, adormecimiento o "
                    "debilidad.\n"
                    "- Una reacción alérgica.\n"
                    "- Rara vez, que el cemento llegue a los pulmones.\n"
                    "\n"
                    "Como la cifoplastia, no evita nuevas fracturas en otros huesos. "
                    "Tratar la osteoporosis ayuda a bajar ese riesgo."
                ),
            },
            {
                "anchor": "recovery",
                "heading": "¿Cómo es la recuperación?",
                "body": (
                    "Casi todos caminan en pocas horas y se van a casa el mismo día. "
                    "Donde entró la aguja le puede doler unos días. Vuelva a sus "
                    "actividades poco a poco, y siga los pasos de abajo."
                ),
            },
            {
                "anchor": "compared",
                "heading": (
                    "¿Qué diferencia hay entre la vertebroplastia y la cifoplastia?"
                ),
                "body": (
                    "Las dos son tratamientos cortos. Usan cemento para dar firmeza "
                    "a un hueso roto de la columna. En la vertebroplastia, el "
                    "cemento entra directo en el hueso. La cifoplastia agrega un "
                    "paso antes. Un globo pequeño abre un espacio, y así el hueso "
                    "puede subir un poco. Luego el cemento llena ese espacio con "
                    "menos presión. Su médico le ayudará a escoger."
                ),
            },
            {
                "anchor": "urgent-care",
                "heading": "¿Cuándo debo buscar ayuda urgente?",
                "body": (
                    "Llame a la clínica de inmediato si tiene fiebre o escalofríos. "
                    "Llame también si hay enrojecimiento, hinchazón o líquido que "
                    "sale de donde entró la aguja.\n"
                    "\n"
                    f"{EMERGENCY} si tiene:\n"
                    "\n"
                    "- Debilidad, adormecimiento u hormigueo nuevo en las piernas.\n"
                    "- Pierde el control de la vejiga o del intestino (orina o "
                    "heces).\n"
                    "- Dolor fuerte en la espalda que empieza de repente.\n"
                    "- Le falta el aire o le duele el pecho."
                ),
            },
        ],
        "steps": [
            {
                "title": "Prepararse",
                "body": (
                    "Usted se acuesta boca abajo en una mesa acolchada. Una "
                    "enfermera le pone un tubito (suero o IV) en el brazo. El equipo "
                    "vigila su pulso, su presión y su oxígeno."
                ),
                "alt": (
                    "Una persona está boca abajo en una mesa acolchada. Una bolsa de "
                    "suero en un poste gotea por un tubo fino en el brazo. Una "
                    "pantalla muestra los latidos del corazón."
                ),
            },
            {
                "title": "Medicina para dormir la zona y para relajarse",
                "body": (
                    "Le dan medicina para que se relaje. Luego el médico duerme la "
                    "piel de su espalda con una inyección."
                ),
                "alt": (
                    "Vista de cerca de la parte baja de la espalda. Una aguja "
                    "pequeña pone medicina en la piel, sobre la columna, para "
                    "dormir la zona."
                ),
            },
            {
                "title": "Poner la aguja",
                "body": (
                    "El médico mira unos rayos X en vivo (fluoroscopia) en una "
                    "pantalla. Con esa guía, lleva una aguja fina y hueca hasta el "
                    "hueso roto."
                ),
                "alt": (
                    "Vista de lado de un hueso de la columna aplastado. Una aguja "
                    "fina y hueca entra por detrás y llega al centro del hueso."
                ),
            },
            {
                "title": "Poner el cemento",
                "body": (
                    "El médico empuja el cemento por la aguja, poco a poco, directo "
                    "en el hueso. No se usa globo. El médico mira en los rayos X "
                    "cómo el cemento llena el hueso. Se pone duro en pocos minutos."
                ),
                "alt": (
                    "Vista de lado de un hueso de la columna aplastado. Cemento gris "
                    "sale de la aguja y se mete en las grietas del hueso."
                ),
            },
            {
                "title": "Terminar",
                "body": (
                    "El médico saca la aguja y pone una venda pequeña. No hacen "
                    "falta puntos."
                ),
                "alt": (
                    "Vista de cerca de la parte baja de la espalda. Ya no está la "
                    "aguja, y una venda pequeña y cuadrada cubre la abertura. No hay "
                    "puntos."
                ),
            },
            {
                "title": "Descansar mientras lo cuidamos",
                "body": (
                    "Usted descansa y el equipo lo vigila. Casi todos caminan en "
                    "pocas horas y se van a casa el mismo día."
                ),
                "alt": (
                    "Una persona descansa en una cama con la cabeza alzada. Una "
                    "flecha lleva a la misma persona, de pie y caminando, unas "
                    "horas después."
                ),
            },
        ],
        "faqs": [
            {
                "question": "¿Duele la vertebroplastia?",
                "answer": (
                    "La medicina para dormir la zona y la sedación lo mantienen "
                    "cómodo. Puede sentir algo de presión. Donde entró la aguja le "
                    "puede doler unos días."
                ),
            },
            {
                "question": "¿Cuánto tiempo dura?",
                "answer": (
                    "De 30 a 60 minutos por cada hueso. Piense que estará con "
                    "nosotros unas horas en total."
                ),
            },
            {
                "question": "¿Evita fracturas en el futuro?",
                "answer": (
                    "Solo hace más fuerte el hueso tratado. Para cuidar sus otros "
                    "huesos, trate los huesos débiles, manténgase activo y cuídese "
                    "de no caerse."
                ),
            },
            {
                "question": "¿El seguro paga la vertebroplastia?",
                "answer": (
                    "Muchos seguros de salud la pagan cuando hace falta por razones "
                    "médicas. Las reglas cambian de un plan a otro, así que "
                    "pregunte al suyo. Nuestro equipo le puede ayudar."
                ),
            },
            {
                "question": "¿Se puede tratar más de un hueso?",
                "answer": (
                    "Sí. El médico puede tratar más de un hueso en la misma cita. Su "
                    "médico decidirá qué es seguro para usted."
                ),
            },
        ],
        "timeline": [
            {
                "when": "Las primeras horas",
                "body": (
                    "Descansa mientras el cemento se endurece y el equipo lo vigila. "
                    "Luego se levanta y camina. Casi todos se van a casa el mismo "
                    "día."
                ),
            },
            {
                "when": "El primer día o dos",
                "body": (
                    "Donde entró la aguja le puede doler. El hielo puede ayudar. "
                    "Mantenga la venda limpia y seca. Haga cosas ligeras en la casa."
                ),
            },
            {
                "when": "De la semana 1 a la 6",
                "body": (
                    "Camine un poco más cada día. No levante nada de más de unas 10 "
                    "libras (unos 4.5 kilos). Evite agacharse, girar el cuerpo y el "
                    "ejercicio fuerte."
                ),
            },
            {
                "when": "Después de 6 semanas",
                "body": (
                    "Casi todos pueden volver poco a poco a lo que hacían antes. "
                    "Antes de levantar cosas pesadas o hacer ejercicio fuerte, "
                    "pregunte a su médico."
                ),
            },
            {
                "when": "A largo plazo",
                "body": (
                    "Siga un plan para mantener sus huesos fuertes. Si tiene "
                    "osteoporosis, tratarla puede bajar el riesgo de otra fractura."
                ),
            },
        ],
    },
    "vertebral-compression-fracture": {
        "title": "Fractura vertebral por compresión",
        "summary": (
            "Una fractura por compresión es un hueso de la columna que se rompe y se "
            "aplasta. Conozca las señales, las causas, los tratamientos y cuándo "
            "buscar ayuda."
        ),
        "alternative_terms": (
            "joroba\nespalda encorvada\ncifosis\njoroba de viuda\n"
            "espalda jorobada\nespalda rota\nfractura de columna\n"
            "vértebra aplastada\nvértebra hundida"
        ),
        "reviewer_credentials": "MD, especialista en tratamientos de la columna",
        "at_a_glance": {},
        "sections": [
            {
                "anchor": "overview",
                "heading": "¿Qué es una fractura vertebral por compresión?",
                "body": (
                    "La columna es una pila de huesos llamados **vértebras**. La "
                    "parte de adelante de cada una es un bloque de hueso grueso y "
                    "redondo. Carga casi todo el peso del cuerpo. Una **fractura "
                    "por compresión** pasa cuando este bloque se quiebra y se "
                    "aplasta. El hueso queda más bajo. A menudo el frente se aplasta "
                    "más que la parte de atrás, y el hueso queda con forma de "
                    "cuña.\n"
                    "\n"
                    "Estas fracturas son más comunes en la mitad y en la parte baja "
                    "de la espalda. Pasan sobre todo en personas mayores con huesos "
                    "débiles. Puede tener una sola fractura, o varias con el tiempo. "
                    "Tener una fractura por compresión sube el riesgo de tener otra."
                ),
            },
            {
                "anchor": "symptoms",
                "heading": "¿Qué síntomas causa?",
                "body": (
                    "Los síntomas cambian de una persona a otra. Puede tener:\n"
                    "\n"
                    "- Dolor de espalda de repente, a menudo en la mitad o en la "
                    "parte baja de la espalda.\n"
                    "- Dolor que empeora al estar de pie o al caminar, y se calma "
                    "al acostarse.\n"
                    "- Dolor que da la vuelta hacia los lados o la barriga.\n"
                    "- Problemas para agacharse o girar el cuerpo.\n"
                    "- Pérdida de estatura.\n"
                    "- Postura encorvada, o la parte alta de la espalda curva y "
                    "redonda.\n"
                    "\n"
                    "Algunas personas tienen poco dolor o ninguno. A veces la "
                    "fractura se encuentra por casualidad en unos rayos X. Una "
                    "fractura que pasa despacio puede causar solo un dolor leve. "
                    "Rara vez, el hueso roto aprieta los nervios. Esto puede causar "
                    "adormecimiento o debilidad en las piernas."
                ),
            },
            {
                "anchor": "causes",
                "heading": "¿Qué la causa?",
                "body": (
                    "- **La osteoporosis** es la causa más común. Hace que los "
                    "huesos se vuelvan delgados y débiles. Así, un esfuerzo pequeño "
                    "puede romper un hueso: agacharse, levantar algo, toser o una "
                    "caída leve. A veces no hay una causa clara.\n"
                    "- **Un golpe fuerte,** como una mala caída o un choque de auto, "
                    "puede romper hasta los huesos sanos.\n"
                    "- **El cáncer** que llega a la columna desde otra parte del "
                    "cuerpo puede debilitar el hueso. Los cánceres que empiezan en "
                    "la médula de los huesos también pueden hacerlo.\n"
                    "\n"
                    "Tomar pastillas de esteroides por mucho tiempo también debilita "
                    "los huesos y sube el riesgo."
                ),
            },
            {
                "anchor": "diagnosis",
                "heading": "¿Cómo se sabe si la tengo?",
                "body": (
                    "Su médico le preguntará por sus síntomas y su salud. Le "
                    "revisará la espalda, y la fuerza y lo que siente en las "
                    "piernas. Puede pedir estas pruebas:\n"
                    "\n"
                    "- **Rayos X** para ver la forma y la altura de los huesos de "
                    "la columna.\n"
                    "- Una **resonancia magnética** para ver si la fractura es nueva "
                    "o vieja, y para revisar los nervios. Esto ayuda a saber si la "
                    "cifoplastia o la vertebroplastia le pueden servir.\n"
                    "- Una **tomografía** para ver el hueso con más detalle.\n"
                    "- Una **densitometría ósea**, una prueba para ver si hay "
                    "osteoporosis.\n"
                    "- **Análisis de sangre** para buscar otras causas, como una "
                    "infección o cáncer."
                ),
            },
            {
                "anchor": "treatment",
                "heading": "¿Cómo se trata?",
                "body": (
                    "Muchas fracturas por compresión sanan solas. El dolor a menudo "
                    "mejora en varias semanas o unos meses. El tratamiento busca "
                    "calmar el dolor, mantenerlo en movimiento y cuidar sus "
                    "huesos.\n"
                    "\n"
                    "- **Reposo corto.** Al principio, descansar puede ayudar. Pero "
                    "pasar mucho tiempo en cama debilita los huesos y los músculos. "
                    "Levántese y muévase como pueda.\n"
                    "- **Medicina para el dolor.** Su médico le dirá qué medicinas "
                    "son seguras para usted.\n"
                    "- **Una faja para la espalda.** Puede dar apoyo a la espalda y "
                    "calmar el dolor por un tiempo corto.\n"
                    "- **Terapia física.** Unos ejercicios suaves ayudan a su "
                    "fuerza, su postura y su equilibrio.\n"
                    "- **Medicina para hacer los huesos más fuertes.** Si la "
                    "osteoporosis causó la fractura, tratarla puede evitar otras.\n"
                    "- **Cifoplastia o vertebroplastia.** Su médico puede sugerir "
                    "una de las dos si el dolor sigue fuerte o no lo deja hacer su "
                    "vida. Dan mejor resultado cuando la fractura es bastante "
                    "nueva.\n"
                    "\n"
                    "Pocas personas necesitan una cirugía. Puede hacer falta si el "
                    "hueso roto aprieta la médula espinal o los nervios, o si la "
                    "columna no está firme."
                ),
            },
            {
                "anchor": "when-to-get-care",
                "heading": "¿Cuándo debo buscar ayuda?",
                "body": (
                    "**Vaya al médico** si:\n"
                    "\n"
                    "- Tiene más de 50 años y un dolor de espalda nuevo.\n"
                    "- Tiene osteoporosis y un dolor de espalda nuevo, aunque no se "
                    "haya caído.\n"
                    "- Está perdiendo estatura, o su espalda se curva hacia "
                    "adelante.\n"
                    "- Su dolor de espalda no mejora, o le cuesta hacer sus tareas "
                    "de cada día.\n"
                    "\n"
                    f"{EMERGENCY} si tiene:\n"
                    "\n"
                    "- Debilidad, adormecimiento u hormigueo nuevo en las piernas.\n"
                    "- Pierde el control de la vejiga o del intestino (orina o "
                    "heces).\n"
                    "- Dolor fuerte de espalda después de una caída o un golpe.\n"
                    "- Dolor de espalda con fiebre."
                ),
            },
        ],
        "steps": [],
        "faqs": [
            {
                "question": "¿Una fractura por compresión sana sola?",
                "answer": (
                    "Muchas veces, sí. Casi todas sanan en unos meses. Pero el hueso "
                    "puede sanar aplastado. Algunas personas siguen con dolor o "
                    "quedan con la espalda encorvada. Si su dolor no se calma, hable "
                    "con su médico."
                ),
            },
            {
                "question": "¿Cómo sé si es una fractura o un músculo lastimado?",
                "answer": (
                    "Puede ser difícil saberlo. Una fractura a menudo causa un dolor "
                    "de repente. Duele más al estar de pie y menos al acostarse. Si "
                    "tiene más de 50 años o tiene osteoporosis, vaya al médico por "
                    "un dolor de espalda nuevo. Unos rayos X o una resonancia pueden "
                    "mostrar si hay un hueso roto."
                ),
            },
            {
                "question": "¿Tendré otra fractura?",
                "answer": (
                    "Tener una fractura hace más probable tener otra. Esto pasa "
                    "sobre todo si sus huesos están débiles. Usted puede bajar el "
                    "riesgo: trate los huesos débiles, manténgase activo y cuídese "
                    "de no caerse."
                ),
            },
            {
                "question": "¿Tengo que usar una faja?",
                "answer": (
                    "No siempre. Una faja puede calmar el dolor por un tiempo corto. "
                    "Su médico le dirá si la necesita y por cuánto tiempo. Usarla "
                    "demasiado tiempo puede debilitar los músculos que sostienen la "
                    "espalda."
                ),
            },
        ],
        "timeline": [],
    },
    "osteoporosis": {
        "title": "Osteoporosis",
        "summary": (
            "La osteoporosis vuelve los huesos delgados y débiles, y se rompen con "
            "facilidad. Sepa quién tiene riesgo, cómo se detecta y cómo cuidar sus "
            "huesos."
        ),
        "alternative_terms": (
            "huesos frágiles\nhuesos delgados\nhuesos débiles\npérdida de hueso\n"
            "baja densidad ósea\nosteopenia\nhuesos porosos"
        ),
        "reviewer_credentials": "MD, especialista en tratamientos de la columna",
        "at_a_glance": {},
        "sections": [
            {
                "anchor": "overview",
                "heading": "¿Qué es la osteoporosis?",
                "body": (
                    "La osteoporosis es una enfermedad que hace que los huesos se "
                    "vuelvan delgados y débiles, y que se rompan con facilidad.\n"
                    "\n"
                    "El hueso está vivo. Durante toda la vida, el cuerpo deshace "
                    "hueso viejo y hace hueso nuevo. Con la osteoporosis, usted "
                    "pierde hueso más rápido de lo que el cuerpo lo repone. Por "
                    "dentro, el hueso se llena de más huecos, como una esponja con "
                    "espacios más grandes.\n"
                    "\n"
                    "Un hueso débil se puede romper con una caída leve, y hasta al "
                    "agacharse o toser. Las fracturas pasan más en la columna, la "
                    "cadera y la muñeca. La osteoporosis es común en las personas "
                    "mayores, sobre todo en las mujeres, pero los hombres también la "
                    "tienen. La buena noticia es que se puede encontrar a tiempo y "
                    "tratar."
                ),
            },
            {
                "anchor": "symptoms",
                "heading": "¿Qué síntomas causa?",
                "body": (
                    "A la osteoporosis a menudo la llaman una enfermedad "
                    '"silenciosa". Casi nunca causa síntomas. Muchas personas no '
                    "saben que la tienen hasta que se rompen un hueso. Estas son "
                    "señales a tener en cuenta:\n"
                    "\n"
                    "- Un hueso que se rompe con una caída o un golpe leve.\n"
                    "- Perder estatura con el tiempo.\n"
                    "- Una postura encorvada, o la parte alta de la espalda "
                    "redonda.\n"
                    "- Dolor de espalda de repente. Puede ser señal de una fractura "
                    "por compresión en la columna.\n"
                    "\n"
                    "Si nota alguna de estas señales, pregunte a su médico por una "
                    "densitometría ósea, la prueba que mide qué tan fuertes están "
                    "sus huesos."
                ),
            },
            {
                "anchor": "causes",
                "heading": "¿Qué la causa y quién tiene riesgo?",
                "body": (
                    "Los huesos se vuelven más delgados poco a poco con la edad. "
                    "Algunas cosas hacen que se pierda hueso más rápido o con más "
                    "facilidad:\n"
                    "\n"
                    "- **La edad.** El riesgo sube a medida que envejece.\n"
                    "- **Ser mujer,** sobre todo después de la menopausia. El cuerpo "
                    "hace menos de la hormona estrógeno, y el hueso se pierde más "
                    "rápido.\n"
                    "- **Tener familiares** con osteoporosis o con una fractura de "
                    "cadera.\n"
                    "- **Un cuerpo pequeño y delgado.**\n"
                    "- **Fumar** o tomar mucho alcohol.\n"
                    "- **No recibir bastante** calcio o vitamina D.\n"
                    "- **No hacer actividad física.**\n"
                    "- **Algunas medicinas,** como las pastillas de esteroides "
                    "tomadas por mucho tiempo.\n"
                    "- **Algunos problemas de salud,** como la artritis reumatoide, "
                    "problemas de la tiroides o del intestino que no dejan "
                    "aprovechar bien la comida."
                ),
            },
            {
                "anchor": "diagnosis",
                "heading": "¿Cómo se sabe si la tengo?",
                "body": (
                    "La prueba principal es una **densitometría ósea**, también "
                    "llamada DXA. Es un tipo de rayos X rápido y sin dolor. Mide qué "
                    "tan densos son sus huesos. Casi siempre mira la cadera y la "
                    "columna. Usted se queda quieto en una mesa acolchada mientras "
                    "el brazo del aparato pasa sobre usted. Usa muy poca "
                    "radiación.\n"
                    "\n"
                    "El resultado es una **puntuación T**. Compara sus huesos con "
                    "los de un adulto joven y sano:\n"
                    "\n"
                    "- **Normal:** menos 1 o más alto.\n"
                    "- **Poca masa ósea:** entre menos 1 y menos 2.5.\n"
                    "- **Osteoporosis:** menos 2.5 o más bajo.\n"
                    "\n"
                    "Su médico también puede ver que tiene osteoporosis si se rompe "
                    "un hueso con una caída leve. Los análisis de sangre pueden "
                    "buscar otras causas de la pérdida de hueso.\n"
                    "\n"
                    "Los expertos aconsejan la prueba a todas las mujeres de 65 años "
                    "o más. Las mujeres más jóvenes que ya pasaron la menopausia y "
                    "tienen factores de riesgo también deben hacérsela. Los hombres "
                    "mayores o con factores de riesgo deben preguntar a su médico."
                ),
            },
            {
                "anchor": "treatment",
                "heading": "¿Cómo se trata?",
                "body": (
                    "El tratamiento busca frenar la pérdida de hueso, dar fuerza y "
                    "evitar fracturas. Casi siempre junta varias cosas:\n"
                    "\n"
                    "- **Calcio.** Tome calcio en la comida: leche, yogur, queso, "
                    "verduras de hoja verde y alimentos con calcio agregado. Su "
                    "médico puede sugerir un suplemento si no recibe bastante.\n"
                    "- **Vitamina D.** Le ayuda al cuerpo a usar el calcio. Su "
                    "médico puede sugerir un suplemento. Pregunte cuánto calcio y "
                    "cuánta vitamina D son buenos para usted.\n"
                    "- **Ejercicio.** Caminar y hacer ejercicios que dan fuerza a "
                    "los músculos ayudan a tener huesos fuertes. Los ejercicios de "
                    "equilibrio, como el tai chi, bajan el riesgo de caídas. Evite "
                    "doblar la columna hacia adelante o torcerla con fuerza, como al "
                    "tocarse la punta de los pies o hacer abdominales. Pregunte a su "
                    "médico o terapeuta qué ejercicios son seguros para usted.\n"
                    "- **Evitar caídas.** Quite las alfombras sueltas y las cosas "
                    "del piso. Use luces de noche y barras para agarrarse. Use "
                    "zapatos firmes. Hágase revisar la vista. Pregunte a su médico "
                    "si alguna de sus medicinas lo marea.\n"
                    "- **Medicinas.** Hay varias que pueden ayudar. Algunas frenan "
                    "la pérdida de hueso. Otras ayudan al cuerpo a hacer hueso "
                    "nuevo. Pueden ser pastillas, inyecciones o suero por la vena. "
                    "Su médico le ayudará a escoger.\n"
                    "- **Buenos hábitos.** Deje de fumar y tome poco alcohol.\n"
                    "\n"
                    "**No deje una medicina para los huesos por su cuenta.** Con "
                    "algunas de ellas, dejarlas de golpe puede subir el riesgo de "
                    "fracturas en la columna. Hable antes con su médico."
                ),
            },
            {
                "anchor": "when-to-get-care",
                "heading": "¿Cuándo debo buscar ayuda?",
                "body": (
                    "**Vaya al médico** si:\n"
                    "\n"
                    "- Es mujer, tiene 65 años o más y no se ha hecho una "
                    "densitometría ósea.\n"
                    "- Ya pasó la menopausia, tiene factores de riesgo y no se ha "
                    "hecho la prueba.\n"
                    "- Se rompió un hueso con una caída o un golpe leve.\n"
                    "- Está perdiendo estatura, o su espalda se curva hacia "
                    "adelante.\n"
                    "- Tiene un dolor de espalda nuevo, sobre todo si tiene más de "
                    "50 años.\n"
                    "\n"
                    f"{EMERGENCY} si tiene:\n"
                    "\n"
                    "- Una caída con dolor fuerte, o no puede pararse ni caminar.\n"
                    "- Debilidad, adormecimiento u hormigueo nuevo en las piernas.\n"
                    "- Pierde el control de la vejiga o del intestino (orina o "
                    "heces).\n"
                    "- Dolor fuerte en la espalda que empieza de repente.\n"
                    "- Dolor de espalda con fiebre."
                ),
            },
        ],
        "steps": [],
        "faqs": [
            {
                "question": "¿Los hombres pueden tener osteoporosis?",
                "answer": (
                    "Sí. Es más común en las mujeres, pero muchos hombres también la "
                    "tienen, sobre todo a mayor edad. Los hombres con factores de "
                    "riesgo deben preguntar a su médico por la prueba."
                ),
            },
            {
                "question": "¿La osteoporosis se cura?",
                "answer": (
                    "No tiene cura, pero se puede tratar. Las medicinas y los buenos "
                    "hábitos pueden frenar la pérdida de hueso, y algunas medicinas "
                    "ayudan a hacer hueso nuevo. Así baja el riesgo de romperse un "
                    "hueso."
                ),
            },
            {
                "question": "¿La osteoporosis duele?",
                "answer": (
                    "Por sí sola, no. El dolor casi siempre viene de un hueso roto, "
                    "como una fractura por compresión en la columna. Si tiene un "
                    "dolor nuevo, dígaselo a su médico."
                ),
            },
            {
                "question": "¿Cada cuánto debo hacerme una densitometría ósea?",
                "answer": (
                    "Depende de su último resultado y de si recibe tratamiento. "
                    "Algunas personas necesitan la prueba cada uno o dos años. Otras "
                    "pueden esperar más. Su médico le dirá cuándo."
                ),
            },
        ],
        "timeline": [],
    },
}
