"""Demo patient-education content for the Harborview Spine Center website.

Pure data, no Django imports. ``PAGES`` holds two procedure pages (kyphoplasty,
vertebroplasty) and two condition pages (vertebral compression fracture,
osteoporosis). Text fields marked as Markdown use only paragraphs, "- " bullet
lists and **bold**; there is no raw HTML and there are no headings inside bodies.

The text is written in plain language for older readers (Flesch-Kincaid grade
of about 7.5 or lower for each page). The reviewer named on each page is a
fictional person used for the demo. Real clinicians must review and approve
this text before it is shown to real patients.
"""

PAGES: list[dict] = [
    {
        "kind": "procedure",
        "slug": "kyphoplasty",
        "title": "Kyphoplasty",
        "alternative_terms": (
            "balloon kyphoplasty\nspine cement\nbone cement\nvertebral augmentation"
        ),
        "summary": (
            "Kyphoplasty treats a painful broken bone in the spine. A tiny balloon "
            "makes room, then bone cement fills the space to steady the bone."
        ),
        "reviewed_by": "Dr. Maya Okafor",
        "reviewer_credentials": "MD, Interventional Spine",
        "at_a_glance": {
            "time": "About 30 to 60 minutes for each treated bone",
            "anesthesia": (
                "Numbing medicine plus medicine to help you relax (sedation), or "
                "general anesthesia so you are fully asleep"
            ),
            "stay": "Most people go home the same day. Some stay one night.",
            "recovery": (
                "Most people walk within a few hours and go back to light activity in "
                "a few days. Avoid heavy lifting for about 6 weeks."
            ),
        },
        "sections": [
            {
                "anchor": "what-it-is",
                "heading": "What is kyphoplasty?",
                "body": (
                    "Kyphoplasty (say KY-foh-plas-tee) is a treatment for a "
                    "**compression fracture**. This is a break in one of the bones of "
                    "your spine. These bones are called **vertebrae**. When one breaks "
                    "this way, it gets squashed and loses some of its height. This can "
                    "be very painful.\n"
                    "\n"
                    "During kyphoplasty, the doctor uses a thin, hollow needle. It "
                    "goes in through a tiny spot on your back and ends inside the "
                    "broken bone. A small balloon goes in through the needle. The "
                    "balloon is filled, which pushes the bone apart and makes a space. "
                    "Then the balloon comes out, and the space is filled with **bone "
                    "cement**. The cement hardens in minutes. It helps hold the bone "
                    "firm and steady.\n"
                    "\n"
                    "Kyphoplasty is **minimally invasive**. This means it is done "
                    "through a tiny opening in the skin, not a large cut. Most people "
                    "go home the same day."
                ),
            },
            {
                "anchor": "candidates",
                "heading": "Who is a good candidate?",
                "body": (
                    "Kyphoplasty may be a good choice for you if:\n"
                    "\n"
                    "- You have a compression fracture that is new or still healing.\n"
                    "- Tests show that this broken bone is the cause of your pain.\n"
                    "- Your pain is severe, or it keeps you from doing daily tasks.\n"
                    "- Rest, pain medicine or a back brace have not helped enough.\n"
                    "- Pain keeps you in bed, or pain medicines cause problems for "
                    "you.\n"
                    "\n"
                    "**Timing matters.** Kyphoplasty tends to work best when it is "
                    "done soon after the break. This is often within the first few "
                    "weeks and up to about two months. After that, the bone may heal "
                    "in its squashed shape. Then the treatment is less likely to help. "
                    "An MRI scan can show if the break is still fresh.\n"
                    "\n"
                    "Kyphoplasty may **not** be right for you if:\n"
                    "\n"
                    "- Your pain comes from something else, such as a pinched nerve or "
                    "arthritis.\n"
                    "- You have an infection, either in your spine or somewhere else "
                    "in your body.\n"
                    "- You have a bleeding problem that cannot be corrected.\n"
                    "- The break goes into the back wall of the bone, close to the "
                    "spinal cord and nerves. Some of these breaks need a different "
                    "treatment.\n"
                    "- The bone has already healed and no longer hurts.\n"
                    "- You are allergic to something used in the treatment.\n"
                    "\n"
                    "Your doctor will look at your scans and talk with you about what "
                    "is best for you."
                ),
            },
            {
                "anchor": "benefits",
                "heading": "What are the benefits?",
                "body": (
                    "Many people have less pain within a day or two. Some feel better "
                    "within hours. Results are different for each person, and not "
                    "everyone gets full relief.\n"
                    "\n"
                    "Kyphoplasty may help you:\n"
                    "\n"
                    "- Have less back pain.\n"
                    "- Stand, walk and move more easily.\n"
                    "- Need less pain medicine.\n"
                    "- Get back to your daily life sooner.\n"
                    "- Get back some of the height the broken bone lost.\n"
                    "- Keep the broken bone from sinking any further.\n"
                    "\n"
                    "There is no large cut, so healing is quicker than with open "
                    "surgery. There is very little blood loss and only a tiny mark on "
                    "the skin."
                ),
            },
            {
                "anchor": "prepare",
                "heading": "How do I prepare?",
                "body": (
                    "Our team will give you written instructions. Please follow them "
                    "closely. Here is what to expect:\n"
                    "\n"
                    "- **Tell us about all your medicines.** This includes vitamins, "
                    "herbs and supplements.\n"
                    "- **Ask about blood thinners.** Aspirin, warfarin and other blood "
                    "thinners raise the risk of bleeding. You may need to pause them "
                    "for a few days. **Do not stop any medicine on your own.** Your "
                    "doctor will tell you if and when to stop. We may also check with "
                    "the doctor who prescribed it.\n"
                    "- **Tell us about allergies.** Let us know if you have ever had a "
                    "reaction to X-ray dye, numbing medicine, sedation or latex.\n"
                    "- **Get your tests done.** You may need X-rays, an MRI or CT "
                    "scan, and blood tests before the day of your treatment.\n"
                    "- **Do not eat or drink** for several hours before. Often this "
                    "means nothing after midnight. Follow the exact times we give you. "
                    "Ask if you should take your morning pills with a small sip of "
                    "water.\n"
                    "- **If you have diabetes,** ask how to adjust your medicine while "
                    "you are not eating.\n"
                    "- **Plan your ride home.** You cannot drive after sedation. Ask "
                    "an adult to drive you home and stay with you that night.\n"
                    "- **Tell us if you get sick.** Call our office if you have a "
                    "fever, a cold or any other illness before your visit.\n"
                    "\n"
                    "Wear loose, comfortable clothes, and leave jewelry at home."
                ),
            },
            {
                "anchor": "risks",
                "heading": "What are the risks?",
                "body": (
                    "Kyphoplasty is generally safe, and serious problems are uncommon. "
                    "But like any procedure, it has some risks:\n"
                    "\n"
                    "- **Infection** where the needle went in, or in the bone.\n"
                    "- **Bleeding** at the needle site.\n"
                    "- **Cement leaking** out of the bone. Most small leaks cause no "
                    "problems. Rarely, cement presses on a nerve or the spinal cord.\n"
                    "- **Nerve irritation.** This may cause pain, numbness, tingling "
                    "or weakness. Lasting nerve damage is rare.\n"
                    "- **Allergic reaction** to a medicine, the X-ray dye or the "
                    "cement.\n"
                    "- **Cement reaching the lungs.** This is rare. It can cause "
                    "trouble breathing and needs care right away.\n"
                    "- **Problems from sedation or anesthesia,** such as an upset "
                    "stomach.\n"
                    "\n"
                    "**New fractures can still happen.** Kyphoplasty fixes only the "
                    "bone that is treated. If your bones are weak, another bone in "
                    "your spine can still break later. Sometimes it is one next to the "
                    "treated bone. Treating osteoporosis is the best way to lower this "
                    "chance.\n"
                    "\n"
                    "Your doctor will go over your own risks with you before you "
                    "decide."
                ),
            },
            {
                "anchor": "recovery",
                "heading": "What is recovery like?",
                "body": (
                    "Most people recover quickly. You will likely walk within a few "
                    "hours and go home the same day. Pain from the broken bone often "
                    "eases within a day or two. The spot where the needle went in may "
                    "be sore for a few days.\n"
                    "\n"
                    "Healing still takes time, even when you feel good. Follow the "
                    "timeline below, and keep your follow-up visit. Your doctor may "
                    "also suggest physical therapy and a plan to make your bones "
                    "stronger."
                ),
            },
            {
                "anchor": "compared",
                "heading": "How does kyphoplasty compare with vertebroplasty?",
                "body": (
                    "Both treatments use bone cement to steady a compression fracture. "
                    "Both are short and use only a tiny needle opening. With either "
                    "one, most people go home the same day.\n"
                    "\n"
                    "The main difference is the balloon:\n"
                    "\n"
                    "- **Kyphoplasty** uses a balloon to make a space in the bone "
                    "first. This may lift the bone and give back some of its lost "
                    "height. The cement then goes into that space at lower pressure.\n"
                    "- **Vertebroplasty** does not use a balloon. The doctor injects "
                    "cement straight into the broken bone through the needle. It does "
                    "not usually restore height.\n"
                    "\n"
                    "Since the balloon makes room first, cement may be less likely to "
                    "leak out of the bone with kyphoplasty. Both can ease pain. Your "
                    "doctor will suggest the one that best fits your fracture and your "
                    "health."
                ),
            },
            {
                "anchor": "urgent-care",
                "heading": "When should I get urgent care?",
                "body": (
                    "Call our clinic right away if you have:\n"
                    "\n"
                    "- A fever of 100.4°F (38°C) or higher, or chills.\n"
                    "- Redness, swelling, warmth or fluid draining from the needle "
                    "site.\n"
                    "- Bleeding that does not stop when you press on it.\n"
                    "- Back pain that gets worse instead of better.\n"
                    "\n"
                    "**Call [911](tel:911) or go to the nearest emergency room** if "
                    "you have:\n"
                    "\n"
                    "- New weakness, numbness or tingling in your legs.\n"
                    "- Loss of control of your bladder or bowels.\n"
                    "- Sudden, severe pain in your back.\n"
                    "- Trouble breathing or chest pain.\n"
                    "- Swelling of your face, lips or throat.\n"
                    "\n"
                    "These problems are rare. But if they happen, you need care right "
                    "away."
                ),
            },
        ],
        "steps": [
            {
                "title": "Getting ready",
                "body": (
                    "You check in and change into a gown. A nurse puts a small tube "
                    "(IV) in your arm for fluids and medicine. You lie face down on a "
                    "padded table. Our team checks your heart rate, blood pressure and "
                    "oxygen the whole time."
                ),
                "illustration": "step-getting-ready.svg",
                "alt": (
                    "A person lies face down on a padded table. A bag of fluid on a "
                    "pole drips into a thin tube in the arm. A screen shows the heart "
                    "beat."
                ),
            },
            {
                "title": "Numbing and sedation",
                "body": (
                    "You get medicine through the IV to help you relax and feel "
                    "sleepy. Some people have general anesthesia instead, so they are "
                    "fully asleep. The doctor cleans the skin on your back and numbs "
                    "it with a shot."
                ),
                "illustration": "step-numbing.svg",
                "alt": (
                    "Close view of the lower back. A small needle gives a shot of "
                    "numbing medicine into the skin over the spine."
                ),
            },
            {
                "title": "Placing the needle",
                "body": (
                    "The doctor makes a tiny nick in the skin. A live X-ray, called "
                    "**fluoroscopy**, shows the bones on a screen. Using it as a "
                    "guide, the doctor moves a thin, hollow needle into the broken "
                    "bone. The needle passes through the **pedicle**. This is a short "
                    "bridge of bone at the back of the vertebra. Sometimes a needle is "
                    "placed on each side."
                ),
                "illustration": "kyphoplasty-1-needle.svg",
                "alt": (
                    "Side view of a squashed spine bone. A thin, hollow needle enters "
                    "from the back, passes through the pedicle and reaches the middle "
                    "of the bone."
                ),
            },
            {
                "title": "Filling the balloon",
                "body": (
                    "A small, empty balloon goes in through the needle. The doctor "
                    "slowly fills it with liquid. As it grows, it pushes the squashed "
                    "bone apart. This may lift the bone back toward its normal height."
                ),
                "illustration": "kyphoplasty-2-balloon.svg",
                "alt": (
                    "Side view of the spine bone with a blue balloon filled inside it. "
                    "Arrows show the top of the bone being lifted."
                ),
            },
            {
                "title": "Removing the balloon",
                "body": (
                    "The doctor empties the balloon and takes it out. This leaves a "
                    "hollow space inside the bone."
                ),
                "illustration": "kyphoplasty-3-cavity.svg",
                "alt": (
                    "Side view of the spine bone after the balloon is taken out. An "
                    "empty, oval space is left inside the bone, and the needle is "
                    "still in place."
                ),
            },
            {
                "title": "Filling the space with cement",
                "body": (
                    "While watching on the X-ray screen, the doctor slowly fills the "
                    "space with bone cement. The cement starts as a thick paste and "
                    "hardens within minutes. It works like a support inside the bone "
                    "and keeps it steady."
                ),
                "illustration": "kyphoplasty-4-cement.svg",
                "alt": (
                    "Side view of the spine bone with gray bone cement filling the "
                    "space inside it, passing in through the needle."
                ),
            },
            {
                "title": "Finishing up",
                "body": (
                    "The doctor takes out the needle. The opening is so small that it "
                    "does not need stitches. It is covered with a small bandage."
                ),
                "illustration": "step-finishing.svg",
                "alt": (
                    "Close view of the lower back. The needle is out, and a small "
                    "square bandage covers the tiny opening. There are no stitches."
                ),
            },
            {
                "title": "Resting and watching",
                "body": (
                    "You rest in the recovery area while our staff check on you. Most "
                    "people can stand and walk within a few hours. Then they go home "
                    "the same day."
                ),
                "illustration": "step-resting.svg",
                "alt": (
                    "A person rests on a bed with the head raised. An arrow points to "
                    "the same person standing and walking a few hours later."
                ),
            },
        ],
        "faqs": [
            {
                "question": "Does kyphoplasty hurt?",
                "answer": (
                    "You should not feel pain during the procedure. Numbing medicine "
                    "and sedation, or general anesthesia, keep you comfortable. You "
                    "may feel some pressure. Afterward, the needle site may be sore "
                    "for a few days. An ice pack and simple pain medicine usually "
                    "help. Many people find that their fracture pain is much less than "
                    "before."
                ),
            },
            {
                "question": "How long does it take?",
                "answer": (
                    "The treatment itself takes about 30 to 60 minutes for each bone. "
                    "Plan to be with us for a few hours in all. This gives time to get "
                    "ready before and to rest after."
                ),
            },
            {
                "question": "How soon can I go home?",
                "answer": (
                    "Most people go home the same day, a few hours after the "
                    "procedure. Some stay one night. This may happen if more than one "
                    "bone was treated, or if you have other health needs. You will "
                    "need an adult to drive you home."
                ),
            },
            {
                "question": "Will kyphoplasty prevent future fractures?",
                "answer": (
                    "It makes the treated bone stronger. But it does not protect the "
                    "other bones in your spine. If you have weak bones, another bone "
                    "may break later. To lower your risk, treat your weak bones, stay "
                    "active and take steps to avoid falls."
                ),
            },
            {
                "question": "Is kyphoplasty covered by insurance?",
                "answer": (
                    "Many health plans cover kyphoplasty when it is medically needed. "
                    "But each plan has its own rules, and some need approval ahead of "
                    "time. Call your plan to check what it covers. Our team can help "
                    "with the paperwork."
                ),
            },
            {
                "question": "Can more than one bone be treated?",
                "answer": (
                    "Yes. If more than one bone is broken and painful, the doctor may "
                    "treat them during the same visit. Each bone adds some time. Your "
                    "doctor will decide how many can be safely treated at once."
                ),
            },
            {
                "question": "What if I wait?",
                "answer": (
                    "Many compression fractures heal on their own over a few months. "
                    "Rest, pain medicine and a brace often help. But if your pain "
                    "stays strong, waiting has downsides. The bone may heal in its "
                    "squashed shape, which can leave you with a stooped back. Long bed "
                    "rest can also weaken your muscles and bones. Kyphoplasty works "
                    "best in the first weeks to about two months after the break. If "
                    "you are thinking about it, talk with your doctor early."
                ),
            },
        ],
        "timeline": [
            {
                "when": "First few hours",
                "body": (
                    "You rest lying flat for a while as the cement fully sets. Our "
                    "staff keep watch over you. Then we help you sit up and walk. Most "
                    "people go home the same day."
                ),
            },
            {
                "when": "First day or two",
                "body": (
                    "The needle site may feel sore or bruised. Put an ice pack on it "
                    "for 15 to 20 minutes at a time, with a cloth between the ice and "
                    "your skin. Keep the bandage clean and dry, and follow our advice "
                    "about bathing. You can walk around the house and do light tasks."
                ),
            },
            {
                "when": "First week",
                "body": (
                    "Do a little more each day. Short walks are good for you. Many "
                    "people go back to light daily tasks. Take pain medicine only as "
                    "directed. Do not soak in a bath or pool until the site has "
                    "healed. Ask your doctor when it is safe to drive."
                ),
            },
            {
                "when": "Weeks 2 to 6",
                "body": (
                    "Keep walking and stay active, but protect your back. Do not lift "
                    "anything heavier than about 10 pounds. That is a little more than "
                    "a gallon of milk. Avoid bending, twisting and hard exercise. You "
                    "may have a follow-up visit, and your doctor may suggest physical "
                    "therapy."
                ),
            },
            {
                "when": "After 6 weeks",
                "body": (
                    "Most people can slowly go back to what they did before. Ask your "
                    "doctor first about heavy lifting, sports or hard exercise."
                ),
            },
            {
                "when": "Long term",
                "body": (
                    "Keep your bones strong. If you have osteoporosis, a bone health "
                    "plan can lower your chance of another break. This plan may "
                    "include medicine, calcium, vitamin D, exercise and steps to "
                    "avoid falls. Have you had a bone scan to check how strong your "
                    "bones are? If not, ask your doctor about one."
                ),
            },
        ],
        "related": [
            "vertebroplasty",
            "vertebral-compression-fracture",
            "osteoporosis",
        ],
    },
    {
        "kind": "procedure",
        "slug": "vertebroplasty",
        "title": "Vertebroplasty",
        "alternative_terms": (
            "spine cement\nbone cement\ncement injection\nvertebral augmentation"
        ),
        "summary": (
            "Vertebroplasty treats a painful broken bone in the spine. Bone cement "
            "goes in through a thin needle to steady the bone and ease pain."
        ),
        "reviewed_by": "Dr. Maya Okafor",
        "reviewer_credentials": "MD, Interventional Spine",
        "at_a_glance": {
            "time": "About 30 to 60 minutes for each treated bone",
            "anesthesia": (
                "Most often numbing medicine plus medicine to help you relax "
                "(sedation). Some people have general anesthesia."
            ),
            "stay": "Most people go home the same day.",
            "recovery": (
                "Most people walk within a few hours and go back to light activity in "
                "a few days. Avoid heavy lifting for about 6 weeks."
            ),
        },
        "sections": [
            {
                "anchor": "what-it-is",
                "heading": "What is vertebroplasty?",
                "body": (
                    "Vertebroplasty (say VER-teh-broh-plas-tee) treats a **compression "
                    "fracture**. This is a break that leaves a bone in your spine "
                    "squashed and painful.\n"
                    "\n"
                    "The doctor guides a thin, hollow needle into the broken bone. "
                    "Then the doctor slowly fills the bone with **bone cement**. The "
                    "cement hardens quickly. It works like a support inside the bone. "
                    "It keeps the broken pieces from moving, which often eases pain.\n"
                    "\n"
                    "It is done through a tiny opening in the skin. There is no large "
                    "cut, and most people go home the same day."
                ),
            },
            {
                "anchor": "candidates",
                "heading": "Who is a good candidate?",
                "body": (
                    "Vertebroplasty may help if you have a compression fracture that "
                    "is new or still healing, and it is causing your pain. It is most "
                    "often used when rest, pain medicine or a brace have not helped "
                    "enough. Like kyphoplasty, it tends to work best in the first "
                    "weeks to few months after the break. An MRI scan can show if the "
                    "break is still healing.\n"
                    "\n"
                    "It may **not** be right for you if:\n"
                    "\n"
                    "- Your pain has another cause.\n"
                    "- You have an infection.\n"
                    "- You have a bleeding problem that cannot be corrected.\n"
                    "- The break goes into the back wall of the bone, close to the "
                    "nerves.\n"
                    "- The bone has already healed.\n"
                    "- You are allergic to something used in the treatment."
                ),
            },
            {
                "anchor": "benefits",
                "heading": "What are the benefits?",
                "body": (
                    "Many people have less pain within a few days, and some feel "
                    "better sooner. It can help you move more easily and need less "
                    "pain medicine. It does not usually restore lost height.\n"
                    "\n"
                    "Studies of vertebroplasty have had mixed results. Not everyone "
                    "gets relief. Your doctor will talk with you about how likely it "
                    "is to help you."
                ),
            },
            {
                "anchor": "prepare",
                "heading": "How do I prepare?",
                "body": (
                    "Our team will give you written instructions. In general:\n"
                    "\n"
                    "- **Tell us about all your medicines,** including blood thinners "
                    "like aspirin or warfarin. **Do not stop any medicine on your "
                    "own.** Your doctor will tell you what to do.\n"
                    "- **Tell us about allergies,** such as to X-ray dye or numbing "
                    "medicine.\n"
                    "- **Get your tests done.** You may need scans and blood tests.\n"
                    "- **Do not eat or drink** for several hours before, as we tell "
                    "you. This often means nothing after midnight.\n"
                    "- **Plan your ride home.** Ask an adult to drive you home and "
                    "stay with you that night."
                ),
            },
            {
                "anchor": "risks",
                "heading": "What are the risks?",
                "body": (
                    "Serious problems are uncommon. Possible risks include:\n"
                    "\n"
                    "- Infection or bleeding where the needle went in.\n"
                    "- **Cement leaking** out of the bone. Small leaks are more common "
                    "than with kyphoplasty. Most cause no problems, but rarely the "
                    "cement presses on a nerve.\n"
                    "- Nerve irritation, with pain, numbness or weakness.\n"
                    "- An allergic reaction.\n"
                    "- Rarely, cement reaching the lungs.\n"
                    "\n"
                    "Like kyphoplasty, it does not stop new fractures in other bones. "
                    "Treating osteoporosis helps lower that risk."
                ),
            },
            {
                "anchor": "recovery",
                "heading": "What is recovery like?",
                "body": (
                    "Most people walk within a few hours and go home the same day. The "
                    "needle site may be sore for a few days. Ease back into your "
                    "activities, and follow the timeline below."
                ),
            },
            {
                "anchor": "compared",
                "heading": "How does vertebroplasty compare with kyphoplasty?",
                "body": (
                    "Both are short treatments that use bone cement to steady a broken "
                    "bone in the spine. In vertebroplasty, the cement is injected "
                    "straight into the bone. Kyphoplasty adds one step first. A small "
                    "balloon makes a space, which may lift the bone a little. Then the "
                    "cement fills that space at lower pressure. Your doctor will help "
                    "you choose."
                ),
            },
            {
                "anchor": "urgent-care",
                "heading": "When should I get urgent care?",
                "body": (
                    "Call our clinic right away if you have a fever or chills, or "
                    "redness, swelling or fluid draining from the needle site.\n"
                    "\n"
                    "**Call [911](tel:911) or go to the nearest emergency room** if "
                    "you have:\n"
                    "\n"
                    "- New weakness, numbness or tingling in your legs.\n"
                    "- Loss of control of your bladder or bowels.\n"
                    "- Sudden, severe back pain.\n"
                    "- Trouble breathing or chest pain."
                ),
            },
        ],
        "steps": [
            {
                "title": "Getting ready",
                "body": (
                    "You lie face down on a padded table. A nurse puts a small tube "
                    "(IV) in your arm. Our team checks your heart rate, blood pressure "
                    "and oxygen."
                ),
                "illustration": "step-getting-ready.svg",
                "alt": (
                    "A person lies face down on a padded table. A bag of fluid on a "
                    "pole drips into a thin tube in the arm. A screen shows the heart "
                    "beat."
                ),
            },
            {
                "title": "Numbing and sedation",
                "body": (
                    "You get medicine to help you relax. The doctor then numbs the "
                    "skin on your back with a shot."
                ),
                "illustration": "step-numbing.svg",
                "alt": (
                    "Close view of the lower back. A small needle gives a shot of "
                    "numbing medicine into the skin over the spine."
                ),
            },
            {
                "title": "Placing the needle",
                "body": (
                    "The doctor watches a live X-ray (fluoroscopy) on a screen. Using "
                    "it as a guide, the doctor moves a thin, hollow needle into the "
                    "broken bone."
                ),
                "illustration": "kyphoplasty-1-needle.svg",
                "alt": (
                    "Side view of a squashed spine bone. A thin, hollow needle enters "
                    "from the back and reaches the middle of the bone."
                ),
            },
            {
                "title": "Adding the cement",
                "body": (
                    "The doctor slowly pushes bone cement through the needle, straight "
                    "into the bone. No balloon is used. The doctor watches on X-ray as "
                    "the cement fills the bone. It hardens within minutes."
                ),
                "illustration": "vertebroplasty-cement.svg",
                "alt": (
                    "Side view of a flattened spine bone. Gray bone cement flows out "
                    "of the needle and spreads into the cracks of the bone."
                ),
            },
            {
                "title": "Finishing up",
                "body": (
                    "The doctor takes out the needle and puts on a small bandage. No "
                    "stitches are needed."
                ),
                "illustration": "step-finishing.svg",
                "alt": (
                    "Close view of the lower back. The needle is out, and a small "
                    "square bandage covers the tiny opening. There are no stitches."
                ),
            },
            {
                "title": "Resting and watching",
                "body": (
                    "You rest while our staff check on you. Most people walk within a "
                    "few hours and go home the same day."
                ),
                "illustration": "step-resting.svg",
                "alt": (
                    "A person rests on a bed with the head raised. An arrow points to "
                    "the same person standing and walking a few hours later."
                ),
            },
        ],
        "faqs": [
            {
                "question": "Does vertebroplasty hurt?",
                "answer": (
                    "Numbing medicine and sedation keep you comfortable. You may feel "
                    "some pressure. The spot where the needle went in may be sore for "
                    "a few days."
                ),
            },
            {
                "question": "How long does it take?",
                "answer": (
                    "About 30 to 60 minutes for each bone. Plan to spend a few hours "
                    "with us in all."
                ),
            },
            {
                "question": "Will it prevent future fractures?",
                "answer": (
                    "It makes only the treated bone stronger. To help your other "
                    "bones, treat weak bones, stay active and take care not to fall."
                ),
            },
            {
                "question": "Is vertebroplasty covered by insurance?",
                "answer": (
                    "Many health plans cover it when it is medically needed. Rules "
                    "differ, so check with your plan. Our team can help."
                ),
            },
            {
                "question": "Can more than one bone be treated?",
                "answer": (
                    "Yes. The doctor may treat more than one bone in the same visit. "
                    "Your doctor will decide what is safe for you."
                ),
            },
        ],
        "timeline": [
            {
                "when": "First few hours",
                "body": (
                    "You rest while the cement sets and our staff watch over you. Then "
                    "you get up and walk. Most people go home the same day."
                ),
            },
            {
                "when": "First day or two",
                "body": (
                    "The needle site may be sore. An ice pack can help. Keep the "
                    "bandage clean and dry. Do light activity around the house."
                ),
            },
            {
                "when": "Weeks 1 to 6",
                "body": (
                    "Walk a little more each day. Do not lift anything over about 10 "
                    "pounds. Avoid bending, twisting and hard exercise."
                ),
            },
            {
                "when": "After 6 weeks",
                "body": (
                    "Most people can slowly go back to what they did before. Ask your "
                    "doctor first about heavy lifting or hard exercise."
                ),
            },
            {
                "when": "Long term",
                "body": (
                    "Follow a plan to keep your bones strong. If you have "
                    "osteoporosis, treating it can lower your chance of another break."
                ),
            },
        ],
        "related": [
            "vertebral-compression-fracture",
            "osteoporosis",
            "kyphoplasty",
        ],
    },
    {
        "kind": "condition",
        "slug": "vertebral-compression-fracture",
        "title": "Vertebral Compression Fracture",
        "alternative_terms": (
            "hunchback\nhunched back\nkyphosis\ndowager's hump\n"
            "stooped back\nbroken back\nspine fracture\n"
            "collapsed vertebra"
        ),
        "summary": (
            "A compression fracture is a break that squashes a bone in the spine. "
            "Learn the signs, causes and treatments, and when to get care."
        ),
        "reviewed_by": "Dr. Maya Okafor",
        "reviewer_credentials": "MD, Interventional Spine",
        "at_a_glance": {},
        "sections": [
            {
                "anchor": "overview",
                "heading": "What is a vertebral compression fracture?",
                "body": (
                    "Your spine is a stack of bones called **vertebrae**. The front "
                    "part of each one is a thick, round block of bone. It carries most "
                    "of your weight. A **compression fracture** happens when this "
                    "block cracks and gets squashed. The bone becomes shorter. Often "
                    "the front is squashed more than the back, so the bone ends up "
                    "shaped like a wedge.\n"
                    "\n"
                    "These breaks are most common in the middle and lower back. They "
                    "happen most often in older adults with weak bones. You can have "
                    "one break, or several over time. Having one compression fracture "
                    "raises your chance of having another."
                ),
            },
            {
                "anchor": "symptoms",
                "heading": "What are the symptoms?",
                "body": (
                    "Symptoms are different for each person. They may include:\n"
                    "\n"
                    "- Sudden back pain, often in the middle or lower back.\n"
                    "- Pain that gets worse when you stand or walk, and eases when you "
                    "lie down.\n"
                    "- Pain that wraps around to your sides or belly.\n"
                    "- Trouble bending or twisting.\n"
                    "- Losing height.\n"
                    "- A stooped posture or a curved, rounded upper back.\n"
                    "\n"
                    "Some people have little or no pain. Their fracture may be found "
                    "by chance on an X-ray. A break that happens slowly may cause only "
                    "a mild ache. Rarely, the broken bone presses on nerves. This can "
                    "cause numbness or weakness in the legs."
                ),
            },
            {
                "anchor": "causes",
                "heading": "What causes it?",
                "body": (
                    "- **Osteoporosis** is the most common cause. It makes bones thin "
                    "and weak. Then a small strain, like bending, lifting, coughing or "
                    "a minor fall, can break a bone. Sometimes there is no clear cause "
                    "at all.\n"
                    "- **An injury,** such as a bad fall or a car crash, can break "
                    "even healthy bones.\n"
                    "- **Cancer** that has spread to the spine from another part of "
                    "the body can weaken the bone. Cancers that start in the bone "
                    "marrow can do this too.\n"
                    "\n"
                    "Taking steroid pills for a long time also weakens bones and "
                    "raises the risk."
                ),
            },
            {
                "anchor": "diagnosis",
                "heading": "How is it diagnosed?",
                "body": (
                    "Your doctor will ask about your symptoms and your health. They "
                    "will examine your back and check the strength and feeling in your "
                    "legs. Tests may include:\n"
                    "\n"
                    "- **X-rays** to show the shape and height of the bones in your "
                    "spine.\n"
                    "- An **MRI scan** to show if a fracture is new or old, and to "
                    "check the nerves. This helps show if kyphoplasty or "
                    "vertebroplasty could help.\n"
                    "- A **CT scan** for a more detailed look at the bone.\n"
                    "- A **bone density scan** to check for osteoporosis.\n"
                    "- **Blood tests** to look for other causes, such as infection or "
                    "cancer."
                ),
            },
            {
                "anchor": "treatment",
                "heading": "How is it treated?",
                "body": (
                    "Many compression fractures heal on their own. The pain often gets "
                    "better over several weeks to a few months. Treatment aims to ease "
                    "pain, keep you moving and protect your bones.\n"
                    "\n"
                    "- **Short rest.** Rest can help at first. But staying in bed a "
                    "long time weakens bones and muscles. Get up and move as you are "
                    "able.\n"
                    "- **Pain medicine.** Your doctor will suggest medicines that are "
                    "safe for you.\n"
                    "- **A back brace.** A brace may support your back and ease pain "
                    "for a short time.\n"
                    "- **Physical therapy.** Gentle exercises help your strength, "
                    "posture and balance.\n"
                    "- **Medicine to make bones stronger.** If osteoporosis caused the "
                    "break, treating it can help prevent more breaks.\n"
                    "- **Kyphoplasty or vertebroplasty.** Your doctor may suggest one "
                    "of these if your pain stays severe or keeps you from daily life. "
                    "They work best while the break is fairly new.\n"
                    "\n"
                    "A few people need surgery. This may be needed if the broken bone "
                    "presses on the spinal cord or nerves, or if the spine is not "
                    "stable."
                ),
            },
            {
                "anchor": "when-to-get-care",
                "heading": "When should I get care?",
                "body": (
                    "**See your doctor** if:\n"
                    "\n"
                    "- You are over age 50 and have new back pain.\n"
                    "- You have osteoporosis and get new back pain, even without a "
                    "fall.\n"
                    "- You are losing height, or your back is curving forward.\n"
                    "- Your back pain is not getting better, or it makes daily tasks "
                    "hard.\n"
                    "\n"
                    "**Call [911](tel:911) or go to the nearest emergency room** if "
                    "you have:\n"
                    "\n"
                    "- New weakness, numbness or tingling in your legs.\n"
                    "- Loss of control of your bladder or bowels.\n"
                    "- Severe back pain after a fall or injury.\n"
                    "- Back pain with a fever."
                ),
            },
        ],
        "steps": [],
        "faqs": [
            {
                "question": "Will a compression fracture heal on its own?",
                "answer": (
                    "Often, yes. Most heal over a few months. But the bone may heal in "
                    "its squashed shape. Some people keep having pain or end up with a "
                    "rounded back. If your pain is not easing, talk with your doctor."
                ),
            },
            {
                "question": "How can I tell a fracture from a pulled muscle?",
                "answer": (
                    "It can be hard to tell. A fracture often causes sudden pain that "
                    "is worse when you stand and better when you lie down. If you are "
                    "over 50 or have osteoporosis, see a doctor for new back pain. An "
                    "X-ray or MRI can show if a bone is broken."
                ),
            },
            {
                "question": "Will I have another fracture?",
                "answer": (
                    "One break makes another one more likely. This is most true if "
                    "your bones are weak. You can lower the risk: treat weak bones, "
                    "stay active and take care not to fall."
                ),
            },
            {
                "question": "Do I need to wear a brace?",
                "answer": (
                    "Not always. A brace may ease pain for a short time. Your doctor "
                    "will tell you if you need one and how long to wear it. Wearing "
                    "one for too long can weaken the muscles that support your back."
                ),
            },
        ],
        "timeline": [],
        "related": [
            "kyphoplasty",
            "vertebroplasty",
            "osteoporosis",
        ],
    },
    {
        "kind": "condition",
        "slug": "osteoporosis",
        "title": "Osteoporosis",
        "alternative_terms": (
            "brittle bones\nthin bones\nweak bones\nbone loss\n"
            "low bone density\nosteopenia"
        ),
        "summary": (
            "Osteoporosis makes bones thin and weak, so they break more easily. Learn "
            "who is at risk, how it is found and how to protect your bones."
        ),
        "reviewed_by": "Dr. Maya Okafor",
        "reviewer_credentials": "MD, Interventional Spine",
        "at_a_glance": {},
        "sections": [
            {
                "anchor": "overview",
                "heading": "What is osteoporosis?",
                "body": (
                    "Osteoporosis (say OSS-tee-oh-puh-ROH-sis) is a disease that makes "
                    "bones thin, weak and easy to break.\n"
                    "\n"
                    "Bone is living tissue. All through your life, your body breaks "
                    "down old bone and makes new bone. With osteoporosis, you lose "
                    "bone faster than your body can replace it. The inside of the bone "
                    "gets more holes, like a sponge with larger spaces.\n"
                    "\n"
                    "Weak bones can break from a minor fall, or even from bending or "
                    "coughing. Breaks happen most often in the spine, hip and wrist. "
                    "Osteoporosis is common in older adults, mostly women, but men get "
                    "it too. The good news is that it can be found early and treated."
                ),
            },
            {
                "anchor": "symptoms",
                "heading": "What are the symptoms?",
                "body": (
                    'Osteoporosis is often called a "silent" disease. It usually '
                    "causes no symptoms. Many people do not know they have it until a "
                    "bone breaks. Signs to watch for include:\n"
                    "\n"
                    "- A bone that breaks from a minor fall or bump.\n"
                    "- Losing height over time.\n"
                    "- A stooped posture or a rounded upper back.\n"
                    "- Sudden back pain. This can be a sign of a compression fracture "
                    "in the spine.\n"
                    "\n"
                    "If you notice any of these, ask your doctor about a bone density "
                    "scan."
                ),
            },
            {
                "anchor": "causes",
                "heading": "What causes it, and who is at risk?",
                "body": (
                    "Bones slowly get thinner as we age. Some things make bone loss "
                    "faster or more likely:\n"
                    "\n"
                    "- **Age.** Risk goes up as you get older.\n"
                    "- **Being a woman,** mostly after menopause. The body makes less "
                    "of the hormone estrogen, and bone loss speeds up.\n"
                    "- **Family history** of osteoporosis or a broken hip.\n"
                    "- **A small, thin body.**\n"
                    "- **Smoking** or drinking a lot of alcohol.\n"
                    "- **Not getting enough** calcium or vitamin D.\n"
                    "- **Not being active.**\n"
                    "- **Some medicines,** such as steroid pills taken for a long "
                    "time.\n"
                    "- **Some health problems,** such as rheumatoid arthritis, thyroid "
                    "problems or bowel problems that make it hard to absorb food."
                ),
            },
            {
                "anchor": "diagnosis",
                "heading": "How is it diagnosed?",
                "body": (
                    "The main test is a **bone density scan**, also called a DXA scan. "
                    "It is a quick, painless type of X-ray that measures how dense "
                    "your bones are. It most often looks at the hip and spine. You lie "
                    "still on a padded table while the scanner arm passes over you. It "
                    "uses a very small amount of radiation.\n"
                    "\n"
                    "Your result is a **T-score**. It compares your bones with those "
                    "of a healthy young adult:\n"
                    "\n"
                    "- **Normal:** minus 1 or higher.\n"
                    "- **Low bone mass:** between minus 1 and minus 2.5.\n"
                    "- **Osteoporosis:** minus 2.5 or lower.\n"
                    "\n"
                    "Your doctor may also find that you have osteoporosis if you break "
                    "a bone from a minor fall. Blood tests can look for other causes "
                    "of bone loss.\n"
                    "\n"
                    "Experts advise a scan for all women 65 and older. Younger women "
                    "past menopause who have risk factors should have one too. Men who "
                    "are older or have risk factors should ask their doctor about "
                    "testing."
                ),
            },
            {
                "anchor": "treatment",
                "heading": "How is it treated?",
                "body": (
                    "Treatment aims to slow bone loss, build strength and prevent "
                    "broken bones. Most plans combine several steps:\n"
                    "\n"
                    "- **Calcium.** Get calcium from foods like milk, yogurt, cheese, "
                    "leafy greens and foods with added calcium. Your doctor may "
                    "suggest a supplement if you do not get enough.\n"
                    "- **Vitamin D.** It helps your body use calcium. Your doctor may "
                    "suggest a supplement. Ask how much calcium and vitamin D is right "
                    "for you.\n"
                    "- **Exercise.** Walking and exercises that build muscle help keep "
                    "bones strong. Balance exercises, like tai chi, lower your risk of "
                    "falls. Avoid moves that bend your spine forward or twist it hard, "
                    "such as toe touches and sit-ups. Ask your doctor or therapist "
                    "which exercises are safe for you.\n"
                    "- **Fall prevention.** Remove loose rugs and clutter. Use night "
                    "lights and grab bars. Wear sturdy shoes. Have your eyes checked. "
                    "Ask your doctor if any of your medicines make you dizzy.\n"
                    "- **Medicines.** Several kinds can help. Some slow bone loss. "
                    "Others help your body build new bone. They come as pills, shots "
                    "or IV drips. Your doctor will help you choose.\n"
                    "- **Healthy habits.** Stop smoking and limit alcohol.\n"
                    "\n"
                    "**Do not stop a bone medicine on your own.** With some of these "
                    "medicines, stopping suddenly can raise your risk of spine "
                    "fractures. Talk with your doctor first."
                ),
            },
            {
                "anchor": "when-to-get-care",
                "heading": "When should I get care?",
                "body": (
                    "**See your doctor** if:\n"
                    "\n"
                    "- You are a woman 65 or older and have not had a bone density "
                    "scan.\n"
                    "- You are past menopause, have risk factors and have not been "
                    "tested.\n"
                    "- You broke a bone from a minor fall or bump.\n"
                    "- You are losing height, or your back is curving forward.\n"
                    "- You have new back pain, mostly if you are over 50.\n"
                    "\n"
                    "**Call [911](tel:911) or go to the nearest emergency room** if "
                    "you have:\n"
                    "\n"
                    "- A fall with severe pain, or you cannot stand or walk.\n"
                    "- New weakness, numbness or tingling in your legs.\n"
                    "- Loss of control of your bladder or bowels.\n"
                    "- Sudden, severe back pain.\n"
                    "- Back pain with a fever."
                ),
            },
        ],
        "steps": [],
        "faqs": [
            {
                "question": "Can men get osteoporosis?",
                "answer": (
                    "Yes. It is more common in women, but many men get it too, most "
                    "often at older ages. Men with risk factors should ask their "
                    "doctor about testing."
                ),
            },
            {
                "question": "Can osteoporosis be cured?",
                "answer": (
                    "There is no cure, but it can be treated. Medicine and healthy "
                    "habits can slow bone loss, and some medicines help build bone. "
                    "This lowers your chance of a broken bone."
                ),
            },
            {
                "question": "Does osteoporosis hurt?",
                "answer": (
                    "Not by itself. Pain usually comes from a broken bone, such as a "
                    "compression fracture in the spine. If you have new pain, tell "
                    "your doctor."
                ),
            },
            {
                "question": "How often should I have a bone density scan?",
                "answer": (
                    "It depends on your last result and whether you are being treated. "
                    "Some people need a scan every year or two. Others can wait "
                    "longer. Your doctor will tell you when."
                ),
            },
        ],
        "timeline": [],
        "related": [
            "vertebral-compression-fracture",
            "kyphoplasty",
            "vertebroplasty",
        ],
    },
]
