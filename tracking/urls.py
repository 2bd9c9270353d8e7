app_name = "tracking"

urlpatterns = []
