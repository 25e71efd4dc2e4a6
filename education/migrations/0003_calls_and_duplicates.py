# Step illustrations become an ImageField: uploads are checked by Pillow.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0002_roles"),
    ]

    operations = [
        migrations.AlterField(
            model_name="pagepart",
            name="illustration",
            field=models.ImageField(
                blank=True,
                help_text="A PNG, JPEG, GIF or WebP picture: at most 5 MB, 6000 pixels wide or high and 24 megapixels.",
                upload_to="education/illustrations/",
                verbose_name="illustration",
            ),
        ),
    ]
