"""Legal points of attention for the French public sector, reused across the method cards."""

PERSONAL_DATA = (
    "<b>Données personnelles (RGPD)</b> : entretiens, observations et questionnaires collectent des données "
    "personnelles. Informez chaque participant par écrit avant de commencer (finalité, base légale, en "
    "général la mission d'intérêt public de l'administration, destinataires, durée de conservation, droits "
    "d'accès et d'effacement, contact du délégué à la protection des données), inscrivez le traitement au "
    "registre de la collectivité, ne collectez que le nécessaire et anonymisez les verbatims avant toute "
    "diffusion."
)
RECORDING = (
    "<b>Enregistrements</b> : n'enregistrez la voix ou l'image d'une personne qu'avec son accord exprès, "
    "recueilli par écrit, et permettez toujours de participer sans être enregistré."
)
IMAGE_RIGHTS = (
    "<b>Droit à l'image</b> : une photo où une personne est reconnaissable ne se publie qu'avec son "
    "autorisation écrite, qui précise les supports et la durée ; pour un mineur, celle de ses représentants "
    "légaux. Pour une publication, préférez des photos de mains, d'objets et de supports."
)
PAYING_PARTICIPANTS = (
    "<b>Dédommagement des participants</b> : la participation des usagers est en principe bénévole et celle "
    "des agents se fait sur leur temps de travail, avec l'accord de leur hiérarchie. Si la collectivité veut "
    "dédommager des usagers (bons d'achat, frais de transport), il faut une décision de l'autorité "
    "compétente qui fixe le montant et les bénéficiaires, un crédit prévu au budget et les pièces "
    "justificatives demandées par le comptable public ; gardez des montants modestes, jamais en espèces, "
    "et voyez-le avec votre service financier avant d'en parler aux participants."
)
PROCUREMENT = (
    "<b>Commande publique</b> : faire appel à un designer, un sociologue ou un animateur extérieur est un "
    "achat soumis au code de la commande publique. Estimez le besoin sur toute sa durée, ne le fractionnez "
    "pas pour rester sous un seuil, vérifiez avec votre service achats le seuil de dispense de procédure en "
    "vigueur et la procédure adaptée qui s'applique au-delà, et prévoyez dans le marché la cession des "
    "droits sur les livrables (CCAG des prestations intellectuelles)."
)
ACCESSIBILITY = (
    "<b>Accessibilité</b> : choisissez un lieu accessible, annoncez comment demander un aménagement "
    "(interprète en langue des signes, boucle magnétique, documents en gros caractères), et publiez les "
    "supports numériques dans un format accessible (RGAA pour les contenus en ligne)."
)
CONFIDENTIALITY = (
    "<b>Secret professionnel et confidentialité</b> : dans un service qui traite de situations personnelles "
    "(santé, social, état civil), obtenez l'accord écrit de la direction, faites signer un engagement de "
    "confidentialité à chaque membre de l'équipe et n'accédez jamais aux dossiers des usagers."
)
COPYRIGHT = (
    "<b>Droit d'auteur</b> : partager un lien est libre ; rediffuser des articles entiers en interne "
    "(panorama de presse) demande une autorisation, par exemple un contrat avec le Centre français "
    "d'exploitation du droit de copie. Préférez des liens et de courtes citations avec leur source."
)
OPEN_LICENCE = (
    "<b>Licence des supports</b> : décidez dès le départ sous quelle licence les supports produits seront "
    "partagés (CC BY-SA 4.0 par défaut sur ce portail, Licence Ouverte pour des données) et recueillez "
    "l'accord de leurs auteurs, y compris des prestataires."
)
RECEPTION_COSTS = (
    "<b>Frais de réception</b> : un petit déjeuner offert aux agents est une dépense de réception ; elle "
    "doit être prévue au budget et respecter les règles internes de la collectivité."
)
